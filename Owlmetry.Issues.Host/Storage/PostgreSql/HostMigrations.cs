using Owlmetry.Issues.Storage.PostgreSql.Schema;

namespace Owlmetry.Issues.Host.Storage.PostgreSql;

/// <summary>
/// The server's own tables beside the issue store's, component <c>host</c> of the same schema: the directory, the
/// webhooks, and the secrets and Data Protection keys every server shares. The directory's lists, ordered by creation time, break ties by
/// insertion order (<c>seq</c>), as the other stores do. Keys lead with the team where a query is scoped by it; records are also found by their ids alone.
/// </summary>
internal static class HostMigrations
{
    public const string Component = "host";

    public static IReadOnlyList<PostgreSqlMigration> All { get; } =
    [
        new(1, "directory and webhooks", """
            CREATE TABLE dir_users (
                id uuid PRIMARY KEY,
                email text NOT NULL,
                -- The lowercase email: one user per address, whatever its case.
                email_key text NOT NULL UNIQUE,
                name text NOT NULL,
                password_hash text NOT NULL,
                created_at timestamptz NOT NULL);

            CREATE TABLE dir_teams (
                id uuid PRIMARY KEY,
                name text NOT NULL,
                slug text NOT NULL UNIQUE,
                created_at timestamptz NOT NULL);

            CREATE TABLE dir_memberships (
                team_id uuid NOT NULL,
                user_id uuid NOT NULL,
                role text NOT NULL,
                created_at timestamptz NOT NULL,
                seq bigint GENERATED ALWAYS AS IDENTITY,
                PRIMARY KEY (team_id, user_id));
            CREATE INDEX dir_memberships_user ON dir_memberships (user_id);

            CREATE TABLE dir_projects (
                team_id uuid NOT NULL,
                id uuid NOT NULL,
                name text NOT NULL,
                slug text NOT NULL,
                issue_alert_frequency text,
                color text,
                created_at timestamptz NOT NULL,
                deleted_at timestamptz,
                seq bigint GENERATED ALWAYS AS IDENTITY,
                PRIMARY KEY (team_id, id));
            CREATE UNIQUE INDEX dir_projects_id ON dir_projects (id);
            -- A deleted project frees its slug.
            CREATE UNIQUE INDEX dir_projects_live_slug ON dir_projects (team_id, slug) WHERE deleted_at IS NULL;

            CREATE TABLE dir_apps (
                project_id uuid NOT NULL,
                id uuid NOT NULL,
                name text NOT NULL,
                platform text NOT NULL,
                bundle_id text,
                created_at timestamptz NOT NULL,
                seq bigint GENERATED ALWAYS AS IDENTITY,
                PRIMARY KEY (project_id, id));
            CREATE UNIQUE INDEX dir_apps_id ON dir_apps (id);

            CREATE TABLE dir_keys (
                team_id uuid NOT NULL,
                id uuid NOT NULL,
                name text NOT NULL,
                key_type text NOT NULL,
                secret_hash text NOT NULL UNIQUE,
                app_id uuid,
                permissions text[] NOT NULL,
                created_by_user_id uuid,
                created_at timestamptz NOT NULL,
                expires_at timestamptz,
                revoked_at timestamptz,
                seq bigint GENERATED ALWAYS AS IDENTITY,
                PRIMARY KEY (team_id, id));
            CREATE UNIQUE INDEX dir_keys_id ON dir_keys (id);

            CREATE TABLE wh_webhooks (
                team_id uuid NOT NULL,
                id uuid NOT NULL,
                url text NOT NULL,
                secret text NOT NULL,
                events text[] NOT NULL,
                created_at timestamptz NOT NULL,
                PRIMARY KEY (team_id, id));
            CREATE UNIQUE INDEX wh_webhooks_id ON wh_webhooks (id);

            CREATE TABLE wh_deliveries (
                id uuid PRIMARY KEY,
                webhook_id uuid NOT NULL,
                team_id uuid NOT NULL,
                notification_id uuid NOT NULL,
                type text NOT NULL,
                payload text NOT NULL,
                status text NOT NULL,
                attempts integer NOT NULL,
                last_status_code integer,
                created_at timestamptz NOT NULL,
                delivered_at timestamptz,
                -- The sender that may send it until then, among the servers (IWebhookStore.TryClaimDeliveryAsync).
                claimed_by uuid,
                claimed_until timestamptz);
            CREATE INDEX wh_deliveries_webhook ON wh_deliveries (webhook_id, created_at, id);
            CREATE INDEX wh_deliveries_pending ON wh_deliveries (created_at, id) WHERE status = 'Pending';

            -- What every server must agree on, such as the user-token signing secret.
            CREATE TABLE host_secrets (
                name text PRIMARY KEY,
                value text NOT NULL);
            """),
        new(2, "data protection keys", """
            -- ASP.NET Core Data Protection's key ring (the console's antiforgery tokens), shared by every server.
            CREATE TABLE host_data_protection_keys (
                seq bigint GENERATED ALWAYS AS IDENTITY,
                name text PRIMARY KEY,
                xml text NOT NULL);
            """),
    ];
}
