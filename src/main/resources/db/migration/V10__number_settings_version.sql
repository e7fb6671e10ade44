-- The inbound pipeline keeps each number's settings (rules, service hours, holidays, absence) in memory and
-- checks them with one read of this column per webhook. Every change to them, by any writer on any instance,
-- moves it forward.
ALTER TABLE business_numbers ADD COLUMN settings_version bigint NOT NULL DEFAULT 0;

CREATE FUNCTION number_settings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.settings_version = OLD.settings_version THEN
        NEW.settings_version := OLD.settings_version + 1;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER business_numbers_settings_version BEFORE UPDATE ON business_numbers
    FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION number_settings_changed();

CREATE FUNCTION number_setting_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE business_numbers SET settings_version = settings_version + 1 WHERE id = OLD.number_id;
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.number_id <> OLD.number_id) THEN
        UPDATE business_numbers SET settings_version = settings_version + 1 WHERE id = NEW.number_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER service_hours_settings_version AFTER INSERT OR UPDATE OR DELETE ON service_hours
    FOR EACH ROW EXECUTE FUNCTION number_setting_row_changed();
CREATE TRIGGER number_holidays_settings_version AFTER INSERT OR UPDATE OR DELETE ON number_holidays
    FOR EACH ROW EXECUTE FUNCTION number_setting_row_changed();
CREATE TRIGGER absences_settings_version AFTER INSERT OR UPDATE OR DELETE ON absences
    FOR EACH ROW EXECUTE FUNCTION number_setting_row_changed();
