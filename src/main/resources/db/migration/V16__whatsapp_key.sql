-- The Brazilian 9th digit: WhatsApp may name a mobile customer without the 9 that Brazilian mobile numbers gained
-- (55 + area code + 8 digits, the first 6 to 9), while the same customer imported from a spreadsheet has it
-- (55 + area code + 9 + 8 digits). Both forms have one key: the 13-digit form. shared.Phones.whatsAppKey is the
-- same rule in Java.
CREATE FUNCTION whatsapp_key(digits text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE WHEN digits ~ '^55[1-9][0-9][6-9][0-9]{7}$' THEN substr(digits, 1, 4) || '9' || substr(digits, 5)
                ELSE digits END;

-- The contact WhatsApp's messages belong to is looked up by this key (either form of the wa_id finds it).
ALTER TABLE contacts ADD COLUMN wa_key varchar(21) GENERATED ALWAYS AS (whatsapp_key(wa_id)) STORED;
CREATE INDEX contacts_by_wa_key ON contacts (number_id, wa_key);
