package br.com.balcao;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table has one writing module, and no other module writes it: the SQL under {@code src/main} (Java string
 * literals and text blocks, {@code .sql} resources other than the migrations, which own the schema) and the
 * tables JPA entities map are read, and a write by a module other than the table's owner fails, naming the file
 * and the table. {@code docs/architecture.md} ("Who writes which table") mirrors {@link #OWNERS}.
 */
class TableOwnershipTests {

    private static final Path JAVA = Path.of("src", "main", "java");
    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final Path MIGRATIONS = RESOURCES.resolve(Path.of("db", "migration"));
    private static final Path MODULES = Path.of("br", "com", "balcao");
    private static final Path ARCHITECTURE = Path.of("docs", "architecture.md");

    /** Each table's one writing module. */
    private static final Map<String, String> OWNERS = owners(
            owns("shared", "shedlock"),
            owns("numbers", "business_numbers", "service_hours", "number_holidays", "memberships"),
            owns("security", "app_users", "agent_status_changes", "login_throttle", "signing_keys",
                    "spring_session", "spring_session_attributes"),
            owns("contacts", "contacts", "contact_imports", "contact_import_rejections"),
            owns("templates", "message_templates"),
            owns("tickets", "tickets", "messages", "notes", "tags", "ticket_tags", "transfer_requests",
                    "message_reactions", "message_wamids",
                    "messages_default"),
            owns("media", "media_files"),
            owns("channel", "channel_health"),
            owns("afterhours", "after_hours_contacts"),
            owns("absence", "absences"),
            owns("scheduling", "scheduled_messages"),
            owns("quickreplies", "quick_reply_categories", "quick_replies"),
            owns("audit", "audit_log"),
            owns("reports", "report_counts", "report_durations", "report_tags", "report_rolled_days"));

    /** Writes allowed to a module that does not own the table, each with its reason. */
    private static final List<Exemption> EXEMPTIONS = List.of(
            new Exemption("demo", Exemption.ANY_TABLE, "the demo loader fills an empty database in one transaction "
                    + "(profile demo): thousands of rows with explicit ids, table by table in foreign-key order, "
                    + "in multi-row statements no owner's API offers"));

    /** Tables the libraries create and write themselves (Spring Session, ShedLock), not the migrations. */
    private static final Set<String> LIBRARY_TABLES = Set.of("spring_session", "spring_session_attributes",
            "shedlock");

    record Exemption(String module, String table, String reason) {

        static final String ANY_TABLE = "*";

        boolean allows(String writer, String written) {
            return module.equals(writer) && (table.equals(ANY_TABLE) || table.equals(written));
        }
    }

    /** One module's write of one table, found in one file; a {@code null} table is a name built at run time. */
    record FoundWrite(String module, Path file, String statement, String table) {

        String owner() {
            return table == null ? null : OWNERS.get(table);
        }

        @Override
        public String toString() {
            String what = table == null ? "a table whose name is built at run time" : table;
            String owner = owner() == null ? "no module owns it" : "owned by " + owner();
            return file + ": " + module + " writes " + what + " (" + statement + "), " + owner;
        }
    }

    @Test
    void everyModuleWritesOnlyTheTablesItOwns() {
        List<FoundWrite> foreign = writes().stream()
                .filter(write -> !write.module().equals(write.owner()))
                .filter(write -> EXEMPTIONS.stream().noneMatch(exemption ->
                        exemption.allows(write.module(), write.table())))
                .toList();
        assertThat(foreign).as("writes of another module's table: call the owner's API, or add an exemption "
                + "with its reason").isEmpty();
    }

    @Test
    void everyExemptionIsStillNeededAndSaysWhy() {
        List<FoundWrite> writes = writes();
        assertThat(EXEMPTIONS).allSatisfy(exemption -> {
            assertThat(exemption.reason()).as("reason of %s", exemption).isNotBlank();
            assertThat(writes).as("a write that %s still needs", exemption).anySatisfy(write -> {
                assertThat(exemption.allows(write.module(), write.table())).isTrue();
                assertThat(write.module()).isNotEqualTo(write.owner());
            });
        });
    }

    @Test
    void everyTableOfTheSchemaHasOneOwner() {
        Set<String> tables = new TreeSet<>(migratedTables());
        tables.addAll(LIBRARY_TABLES);
        assertThat(OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(tables);
    }

    @Test
    void theArchitectureDocumentListsTheSameOwners() {
        String document = read(ARCHITECTURE);
        int section = document.indexOf("\n## Who writes which table\n");
        assertThat(section).as("the section \"Who writes which table\" of %s", ARCHITECTURE).isNotNegative();
        Map<String, String> documented = new LinkedHashMap<>();
        Pattern row = Pattern.compile("^\\| `(\\w+)` \\| (.*) \\|$", Pattern.MULTILINE);
        Matcher line = row.matcher(document.substring(section, document.indexOf("\n## ", section + 1)));
        while (line.find()) {
            Matcher table = Pattern.compile("`(\\w+)`").matcher(line.group(2));
            while (table.find()) {
                documented.put(table.group(1), line.group(1));
            }
        }
        assertThat(documented).isEqualTo(OWNERS);
    }

    @Test
    void everyOwnerIsAModule() {
        assertThat(new TreeSet<>(OWNERS.values())).allSatisfy(module ->
                assertThat(JAVA.resolve(MODULES).resolve(module)).isDirectory());
    }

    /** Every write under {@code src/main}, with the module whose file holds it. */
    private static List<FoundWrite> writes() {
        List<Path> javaFiles = files(JAVA, ".java");
        Map<String, String> entityTables = entityTables(javaFiles);
        List<FoundWrite> writes = new ArrayList<>();
        for (Path file : javaFiles) {
            String source = read(file);
            String module = module(JAVA, file);
            SqlWrites.sqlInJava(source).forEach(sql -> SqlWrites.inSql(sql).forEach(write ->
                    writes.add(new FoundWrite(module, file, write.statement(), tableOf(write, entityTables)))));
            SqlWrites.mappedTables(source).forEach(table -> writes.add(new FoundWrite(module, file, "JPA", table)));
        }
        for (Path file : files(RESOURCES, ".sql")) {
            if (!file.startsWith(MIGRATIONS)) {
                String module = module(RESOURCES, file);
                SqlWrites.inSql(read(file)).forEach(write ->
                        writes.add(new FoundWrite(module, file, write.statement(), tableOf(write, entityTables))));
            }
        }
        return writes;
    }

    /** The table a write names; JPQL names the entity, which stands for the table it maps. */
    private static String tableOf(SqlWrites.Write write, Map<String, String> entityTables) {
        return write.named() ? entityTables.getOrDefault(write.table(), write.table()) : null;
    }

    private static Map<String, String> entityTables(List<Path> javaFiles) {
        Map<String, String> tables = new HashMap<>();
        for (Path file : javaFiles) {
            String source = read(file);
            List<String> mapped = SqlWrites.mappedTables(source);
            SqlWrites.entityNames(source).forEach(entity ->
                    tables.put(entity, mapped.isEmpty() ? entity : mapped.get(0)));
        }
        return tables;
    }

    /** The module a file belongs to: the package under {@code br.com.balcao} it sits in. */
    private static String module(Path root, Path file) {
        Path relative = root.relativize(file);
        if (!relative.startsWith(MODULES) || relative.getNameCount() <= MODULES.getNameCount() + 1) {
            return "(no module: put it under " + MODULES + "/<module>/)";
        }
        return relative.getName(MODULES.getNameCount()).toString();
    }

    /** The tables the migrations create and do not drop. */
    private static Set<String> migratedTables() {
        Pattern ddl = Pattern.compile("\\b(CREATE|DROP)\\s+TABLE\\s+(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?(\\w+)",
                Pattern.CASE_INSENSITIVE);
        Map<String, Boolean> tables = new LinkedHashMap<>();
        files(MIGRATIONS, ".sql").stream()
                .sorted((a, b) -> Integer.compare(version(a), version(b)))
                .forEach(migration -> {
                    Matcher statement = ddl.matcher(read(migration));
                    while (statement.find()) {
                        tables.put(statement.group(2).toLowerCase(), statement.group(1).equalsIgnoreCase("CREATE"));
                    }
                });
        tables.values().removeIf(created -> !created);
        return tables.keySet();
    }

    /** A versioned migration's number; repeatable ones run after all of them. */
    private static int version(Path migration) {
        Matcher version = Pattern.compile("^V(\\d+)__").matcher(migration.getFileName().toString());
        return version.find() ? Integer.parseInt(version.group(1)) : Integer.MAX_VALUE;
    }

    private static List<Path> files(Path root, String extension) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> path.toString().endsWith(extension)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map.Entry<String, List<String>> owns(String module, String... tables) {
        return Map.entry(module, List.of(tables));
    }

    @SafeVarargs
    private static Map<String, String> owners(Map.Entry<String, List<String>>... modules) {
        Map<String, String> owners = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> module : modules) {
            module.getValue().forEach(table -> {
                String earlier = owners.put(table, module.getKey());
                if (earlier != null) {
                    throw new IllegalStateException(table + " has two owners: " + earlier + ", " + module.getKey());
                }
            });
        }
        return owners;
    }
}
