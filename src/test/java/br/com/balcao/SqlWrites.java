package br.com.balcao;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the tables a piece of source writes: the SQL in its string literals and text blocks (a concatenation read
 * as one statement, any other expression in it as a name the reader cannot know), and the tables its JPA
 * entities map. A statement writes when it is an INSERT INTO, UPDATE ... SET, DELETE FROM, MERGE INTO,
 * COPY ... FROM or TRUNCATE, in any case, with or without an alias; a row lock ({@code FOR UPDATE}) and an
 * upsert's {@code DO UPDATE SET} write nothing more than their INSERT.
 */
final class SqlWrites {

    /** Where an expression was concatenated into the SQL: a name only the running code knows. */
    private static final String UNKNOWN = "\u0000";

    /** A table written, or {@code null} when the SQL builds the table's name at run time. */
    record Write(String statement, String table) {

        boolean named() {
            return table != null;
        }
    }

    private static final String IDENTIFIER = "(?:\"[^\"]+\"|[a-z_][a-z0-9_$]*)";
    private static final String TABLE =
            "(?:only\\s+)?(?:" + IDENTIFIER + "\\s*\\.\\s*)?(" + IDENTIFIER + "|" + UNKNOWN + ")";
    private static final String ALIAS = "(?:\\s+(?:as\\s+)?(?!set\\b|using\\b|where\\b|returning\\b)[a-z_]\\w*)?";
    private static final Map<String, Pattern> STATEMENTS = new LinkedHashMap<>();

    static {
        STATEMENTS.put("INSERT", statement("\\binsert\\s+into\\s+" + TABLE
                + "(?:\\s+as\\s+\\w+)?\\s*(?:\\(|values\\b|select\\b|default\\b|overriding\\b|with\\b|"
                + UNKNOWN + "|$)"));
        STATEMENTS.put("UPDATE", statement("\\bupdate\\s+(?!set\\b)" + TABLE + ALIAS + "\\s+set\\b"));
        STATEMENTS.put("DELETE", statement("\\bdelete\\s+from\\s+" + TABLE + ALIAS
                + "\\s*(?:where\\b|using\\b|returning\\b|;|\\)|" + UNKNOWN + "|$)"));
        STATEMENTS.put("MERGE", statement("\\bmerge\\s+into\\s+" + TABLE + ALIAS + "\\s+using\\b"));
        STATEMENTS.put("COPY", statement("\\bcopy\\s+" + TABLE + "\\s*(?:\\([^)]*\\)\\s*)?from\\b"));
        STATEMENTS.put("TRUNCATE", statement("\\btruncate\\s+(?:table\\s+)?" + TABLE));
    }

    /** A further table of a statement that takes a list (TRUNCATE a, b). */
    private static final Pattern MORE_TABLES = statement("\\s*,\\s*" + TABLE);
    private static final Pattern MAPPED_TABLE = Pattern.compile(
            "@(?:jakarta\\.persistence\\.)?(?:Table|JoinTable|CollectionTable)\\s*\\(");
    private static final Pattern NESTED_ANNOTATION = Pattern.compile("@[\\w.]+\\s*\\([^()]*\\)");
    private static final Pattern NAME_ATTRIBUTE = Pattern.compile("\\bname\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern ENTITY_CLASS = Pattern.compile(
            "@(?:jakarta\\.persistence\\.)?Entity\\b[\\s\\S]*?\\b(?:class|record)\\s+(\\w+)");

    private SqlWrites() {
    }

    private static Pattern statement(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    /** The tables the SQL writes, in the order the statements appear. */
    static List<Write> inSql(String sql) {
        String text = withoutLiteralsAndComments(sql).replaceAll("%(?:\\d+\\$)?s", UNKNOWN);
        List<Found> found = new ArrayList<>();
        STATEMENTS.forEach((statement, pattern) -> {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                found.add(new Found(matcher.start(), new Write(statement, table(matcher.group(1)))));
                if (statement.equals("TRUNCATE")) {
                    Matcher more = MORE_TABLES.matcher(text).region(matcher.end(), text.length());
                    while (more.lookingAt()) {
                        found.add(new Found(more.start(), new Write(statement, table(more.group(1)))));
                        more.region(more.end(), text.length());
                    }
                }
            }
        });
        return found.stream().sorted(Comparator.comparingInt(Found::at)).map(Found::write).toList();
    }

    private record Found(int at, Write write) {
    }

    /** The SQL a Java source holds: each string literal or text block, a concatenation of them as one. */
    static List<String> sqlInJava(String source) {
        return new JavaStrings(source).concatenations();
    }

    /** The tables the source's JPA entities map (and so may write), by {@code @Table} and join tables. */
    static List<String> mappedTables(String source) {
        String code = JavaStrings.withoutComments(source);
        List<String> tables = new ArrayList<>();
        Matcher annotation = MAPPED_TABLE.matcher(code);
        while (annotation.find()) {
            Matcher name = NAME_ATTRIBUTE.matcher(ownAttributes(code, annotation.end()));
            if (name.find()) {
                tables.add(name.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    /** An annotation's attributes up to its closing parenthesis, without those of annotations nested in it. */
    private static String ownAttributes(String code, int from) {
        int depth = 1;
        int at = from;
        while (at < code.length() && depth > 0) {
            char c = code.charAt(at++);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        String attributes = code.substring(from, at);
        String withoutNested;
        while (!(withoutNested = NESTED_ANNOTATION.matcher(attributes).replaceAll("")).equals(attributes)) {
            attributes = withoutNested;
        }
        return attributes;
    }

    /** The entity the source declares, lower case, as JPQL names it in place of its table. */
    static List<String> entityNames(String source) {
        Matcher entity = ENTITY_CLASS.matcher(JavaStrings.withoutComments(source));
        return entity.find() ? List.of(entity.group(1).toLowerCase(Locale.ROOT)) : List.of();
    }

    private static String table(String name) {
        return name.equals(UNKNOWN) ? null : name.replace("\"", "").toLowerCase(Locale.ROOT);
    }

    /** The SQL with its comments removed and its string constants emptied, so neither reads as a statement. */
    private static String withoutLiteralsAndComments(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (sql.startsWith("--", i)) {
                i = end(sql.indexOf('\n', i), sql);
            } else if (sql.startsWith("/*", i)) {
                i = end(sql.indexOf("*/", i + 2), sql) + 2;
                out.append(' ');
            } else if (c == '\'') {
                int close = i + 1;
                while (close < sql.length() && (sql.charAt(close) != '\'' || sql.startsWith("''", close))) {
                    close += sql.startsWith("''", close) ? 2 : 1;
                }
                out.append("''");
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int end(int index, String text) {
        return index < 0 ? text.length() : index;
    }

    /** The tokens of a Java source that matter to its strings: literals, {@code +}, parentheses, the rest. */
    private static final class JavaStrings {

        private enum Kind { STRING, PLUS, OPEN, CLOSE, WORD, OTHER }

        private record Token(Kind kind, String text) {
        }

        private final List<Token> tokens = new ArrayList<>();
        private final StringBuilder code = new StringBuilder();

        JavaStrings(String source) {
            tokenize(source);
        }

        static String withoutComments(String source) {
            return new JavaStrings(source).code.toString();
        }

        /** Each run of literals joined by {@code +}; a non-literal operand stands as {@link #UNKNOWN}. */
        List<String> concatenations() {
            List<String> sql = new ArrayList<>();
            boolean[] joined = new boolean[tokens.size()];
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).kind != Kind.STRING || joined[i]) {
                    continue;
                }
                StringBuilder text = new StringBuilder(i > 0 && tokens.get(i - 1).kind == Kind.PLUS ? UNKNOWN : "");
                int at = i;
                while (true) {
                    if (at < tokens.size() && tokens.get(at).kind == Kind.STRING) {
                        text.append(tokens.get(at).text);
                        joined[at++] = true;
                    } else {
                        at = afterOperand(at);
                        text.append(UNKNOWN);
                    }
                    if (at >= tokens.size() || tokens.get(at).kind != Kind.PLUS) {
                        break;
                    }
                    at++;
                }
                sql.add(text.toString());
            }
            return sql;
        }

        /** Skips one operand of a concatenation: names, dots, calls and parenthesised expressions. */
        private int afterOperand(int at) {
            int depth = 0;
            while (at < tokens.size()) {
                Kind kind = tokens.get(at).kind;
                if (kind == Kind.OPEN) {
                    depth++;
                } else if (kind == Kind.CLOSE) {
                    if (depth == 0) {
                        return at;
                    }
                    depth--;
                } else if (depth == 0 && kind != Kind.WORD) {
                    return at;
                }
                at++;
            }
            return at;
        }

        private void tokenize(String source) {
            int i = 0;
            while (i < source.length()) {
                char c = source.charAt(i);
                int start = i;
                if (source.startsWith("//", i)) {
                    i = end(source.indexOf('\n', i), source);
                } else if (source.startsWith("/*", i)) {
                    i = Math.min(end(source.indexOf("*/", i + 2), source) + 2, source.length());
                } else if (source.startsWith("\"\"\"", i)) {
                    i = textBlock(source, end(source.indexOf('\n', i), source) + 1);
                } else if (c == '"' || c == '\'') {
                    i = quoted(source, i, c);
                } else if (c == '+' && !source.startsWith("++", i) && !source.startsWith("+=", i)
                        && (i == 0 || source.charAt(i - 1) != '+')) {
                    tokens.add(new Token(Kind.PLUS, "+"));
                    i++;
                } else if (c == '(' || c == ')') {
                    tokens.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c)));
                    i++;
                } else if (Character.isJavaIdentifierPart(c) || c == '.') {
                    while (i < source.length() && (Character.isJavaIdentifierPart(source.charAt(i))
                            || source.charAt(i) == '.')) {
                        i++;
                    }
                    tokens.add(new Token(Kind.WORD, source.substring(start, i)));
                } else {
                    if (!Character.isWhitespace(c)) {
                        tokens.add(new Token(Kind.OTHER, String.valueOf(c)));
                    }
                    i++;
                }
                boolean comment = source.startsWith("//", start) || source.startsWith("/*", start);
                code.append(comment ? " " : source.substring(start, i));
            }
        }

        private int textBlock(String source, int from) {
            StringBuilder text = new StringBuilder();
            int i = from;
            while (i < source.length() && !source.startsWith("\"\"\"", i)) {
                if (source.charAt(i) == '\\' && i + 1 < source.length()) {
                    text.append(unescaped(source.charAt(i + 1)));
                    i += 2;
                } else {
                    text.append(source.charAt(i++));
                }
            }
            tokens.add(new Token(Kind.STRING, text.toString()));
            return Math.min(i + 3, source.length());
        }

        private int quoted(String source, int from, char quote) {
            StringBuilder text = new StringBuilder();
            int i = from + 1;
            while (i < source.length() && source.charAt(i) != quote && source.charAt(i) != '\n') {
                if (source.charAt(i) == '\\' && i + 1 < source.length()) {
                    text.append(unescaped(source.charAt(i + 1)));
                    i += 2;
                } else {
                    text.append(source.charAt(i++));
                }
            }
            tokens.add(new Token(quote == '"' ? Kind.STRING : Kind.WORD, quote == '"' ? text.toString() : "c"));
            return Math.min(i + 1, source.length());
        }

        private static String unescaped(char escaped) {
            return switch (escaped) {
                case 'n', '\n' -> escaped == 'n' ? "\n" : "";
                case 't' -> "\t";
                case 's' -> " ";
                default -> String.valueOf(escaped);
            };
        }
    }
}
