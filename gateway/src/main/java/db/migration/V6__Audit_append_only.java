package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 10: the database itself refuses UPDATE and DELETE on {@code audit_entry} (and TRUNCATE on
 * PostgreSQL), and lets {@code audit_chain_head} only advance by one appended entry. A Java
 * migration because the two databases need different trigger DDL (PL/pgSQL functions on PostgreSQL,
 * Java trigger classes on H2) and Flyway has no per-vendor locations; one version keeps their
 * histories alike.
 *
 * <p>A trigger stops the gateway's own role and any mistaken statement. It does not stop the table
 * owner, who may drop or disable it: production runs the gateway as a role with only the grants in
 * docs/operations.md, and the signed checkpoints (outside the database) catch a rewrite by anyone
 * who holds the owner's rights.
 */
public class V6__Audit_append_only extends BaseJavaMigration {

  private static final List<String> POSTGRESQL =
      List.of(
          """
          CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql
          SET search_path FROM CURRENT AS $$
          BEGIN
            RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP
              USING ERRCODE = 'insufficient_privilege';
          END
          $$""",
          """
          CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
          FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change()""",
          """
          CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
          FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change()""",
          """
          CREATE FUNCTION audit_chain_head_advance_only() RETURNS trigger LANGUAGE plpgsql
          SET search_path FROM CURRENT AS $$
          BEGIN
            IF TG_OP <> 'UPDATE' THEN
              RAISE EXCEPTION 'audit_chain_head only advances to the entry just appended: % refused',
                TG_OP USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF NEW.id <> OLD.id
                OR NEW.last_sequence_number <> OLD.last_sequence_number + 1
                OR NOT EXISTS (
                  SELECT 1 FROM audit_entry e
                  WHERE e.sequence_number = NEW.last_sequence_number
                    AND e.entry_hash = NEW.last_hash
                    AND e.previous_hash = OLD.last_hash) THEN
              RAISE EXCEPTION
                'audit_chain_head only advances to the entry just appended: % to % refused',
                OLD.last_sequence_number, NEW.last_sequence_number
                USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NEW;
          END
          $$""",
          """
          CREATE TRIGGER audit_chain_head_advance_only BEFORE UPDATE OR DELETE ON audit_chain_head
          FOR EACH ROW EXECUTE FUNCTION audit_chain_head_advance_only()""",
          """
          CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
          FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_advance_only()""");

  // H2 runs no TRUNCATE triggers; H2 is the demo database (see H2AuditEntryAppendOnly).
  private static final List<String> H2 =
      List.of(
          """
          CREATE TRIGGER audit_entry_append_only BEFORE UPDATE, DELETE ON audit_entry
          FOR EACH ROW CALL 'org.carelens.gateway.audit.internal.H2AuditEntryAppendOnly'""",
          """
          CREATE TRIGGER audit_chain_head_advance_only BEFORE UPDATE, DELETE ON audit_chain_head
          FOR EACH ROW CALL 'org.carelens.gateway.audit.internal.H2AuditChainHeadAdvanceOnly'""");

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    String product = connection.getMetaData().getDatabaseProductName();
    List<String> statements =
        switch (product) {
          case "PostgreSQL" -> POSTGRESQL;
          case "H2" -> H2;
          default ->
              throw new SQLException(
                  "The audit trail's append-only triggers exist for PostgreSQL and H2, not "
                      + product);
        };
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
