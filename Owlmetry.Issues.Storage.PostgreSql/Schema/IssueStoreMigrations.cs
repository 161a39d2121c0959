namespace Owlmetry.Issues.Storage.PostgreSql.Schema;

/// <summary>
/// The issue store's tables, component <c>issues</c>. Keys and indexes lead with what a query is scoped by: the
/// project for the issue, event and attachment lists (so a later distribution by project keeps each list on one
/// node), the issue for comments and audit records, the occurrence group for occurrences. Times are <c>timestamptz</c>
/// at millisecond precision.
/// </summary>
internal static class IssueStoreMigrations
{
    public const string Component = "issues";

    public static IReadOnlyList<PostgreSqlMigration> All { get; } =
    [
        new(1, "issues, occurrences, comments, attachments, events, notifications", """
            CREATE TABLE issues (
                project_id uuid NOT NULL,
                id uuid NOT NULL,
                app_id uuid NOT NULL,
                status text NOT NULL,
                title text NOT NULL,
                source_module text,
                is_dev boolean NOT NULL,
                occurrence_count integer NOT NULL,
                unique_user_count integer NOT NULL,
                resolved_at_version text,
                first_seen_app_version text,
                last_seen_app_version text,
                first_seen_sdk_version text,
                last_seen_sdk_version text,
                first_seen_at timestamptz NOT NULL,
                last_seen_at timestamptz NOT NULL,
                last_notified_at timestamptz,
                snoozed_at timestamptz,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                fingerprints text[] NOT NULL,
                PRIMARY KEY (project_id, id));
            -- Ids are unique across projects, and an issue is found by its id alone.
            CREATE UNIQUE INDEX issues_id ON issues (id);
            -- One index per IssueSort, its keyset key after the project: a list page is a backward range scan.
            CREATE INDEX issues_last_seen ON issues (project_id, last_seen_at, id);
            CREATE INDEX issues_last_activity ON issues (project_id, updated_at, id);
            CREATE INDEX issues_first_seen ON issues (project_id, first_seen_at, id);
            CREATE INDEX issues_occurrences ON issues (project_id, occurrence_count, id);
            CREATE INDEX issues_users ON issues (project_id, unique_user_count, id);
            -- DigestRules.IsAwaitingDigest as a partial index: the digest reads only the issues it reports.
            CREATE INDEX issues_awaiting_digest ON issues (project_id, updated_at, id)
                WHERE NOT is_dev AND status IN ('New', 'Regressed') AND (last_notified_at IS NULL OR updated_at > last_notified_at);

            CREATE TABLE fingerprints (
                app_id uuid NOT NULL,
                is_dev boolean NOT NULL,
                hash text NOT NULL,
                issue_id uuid NOT NULL,
                PRIMARY KEY (app_id, is_dev, hash));
            CREATE INDEX fingerprints_issue ON fingerprints (issue_id);

            CREATE TABLE occurrences (
                issue_id uuid NOT NULL,
                id uuid NOT NULL,
                session_id uuid NOT NULL,
                user_id text,
                app_user_id uuid,
                app_version text,
                sdk_name text,
                sdk_version text,
                environment text,
                event_id uuid NOT NULL,
                country_code text,
                "timestamp" timestamptz NOT NULL,
                created_at timestamptz NOT NULL,
                -- OccurrenceSummary.CarriesVersion, computed by .NET at insert: the merge's edges read these.
                carries_app_version boolean NOT NULL,
                carries_sdk_version boolean NOT NULL,
                PRIMARY KEY (issue_id, id));
            -- The store's invariant: one occurrence per (issue, session).
            CREATE UNIQUE INDEX occurrences_session ON occurrences (issue_id, session_id);
            -- The detail's newest-first page.
            CREATE INDEX occurrences_page ON occurrences (issue_id, "timestamp", id);
            CREATE INDEX occurrences_user ON occurrences (issue_id, user_id) WHERE user_id IS NOT NULL;

            CREATE TABLE comments (
                issue_id uuid NOT NULL,
                id uuid NOT NULL,
                author_type text NOT NULL,
                author_id uuid NOT NULL,
                author_name text NOT NULL,
                body text NOT NULL,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                deleted_at timestamptz,
                PRIMARY KEY (id));
            CREATE INDEX comments_issue ON comments (issue_id, created_at, id);

            CREATE TABLE attachments (
                project_id uuid NOT NULL,
                id uuid NOT NULL,
                app_id uuid NOT NULL,
                issue_id uuid,
                client_event_id uuid NOT NULL,
                event_id uuid,
                user_id text,
                is_dev boolean NOT NULL,
                original_filename text NOT NULL,
                content_type text NOT NULL,
                size_bytes bigint NOT NULL,
                sha256 text NOT NULL,
                uploaded_at timestamptz,
                created_at timestamptz NOT NULL,
                deleted_at timestamptz,
                PRIMARY KEY (id));
            CREATE INDEX attachments_listed ON attachments (project_id, created_at, id) WHERE uploaded_at IS NOT NULL AND deleted_at IS NULL;
            CREATE INDEX attachments_issue ON attachments (issue_id, created_at, id);
            CREATE INDEX attachments_client_event ON attachments (app_id, client_event_id);
            CREATE INDEX attachments_event ON attachments (event_id) WHERE event_id IS NOT NULL;
            CREATE INDEX attachments_usage ON attachments (project_id, user_id) INCLUDE (size_bytes) WHERE deleted_at IS NULL;
            CREATE INDEX attachments_deleted ON attachments (deleted_at) WHERE deleted_at IS NOT NULL;
            CREATE INDEX attachments_reserved ON attachments (created_at) WHERE uploaded_at IS NULL;

            CREATE TABLE event_landings (
                app_id uuid NOT NULL,
                client_event_id uuid NOT NULL,
                event_id uuid NOT NULL,
                fingerprint_hash text NOT NULL,
                is_dev boolean NOT NULL,
                landed_at timestamptz NOT NULL,
                PRIMARY KEY (app_id, client_event_id));
            CREATE INDEX event_landings_landed ON event_landings (landed_at);

            CREATE TABLE audit_records (
                issue_id uuid NOT NULL,
                seq bigint GENERATED ALWAYS AS IDENTITY,
                id uuid NOT NULL,
                project_id uuid NOT NULL,
                actor_kind text NOT NULL,
                actor_id uuid NOT NULL,
                actor_name text NOT NULL,
                action text NOT NULL,
                from_status text NOT NULL,
                to_status text NOT NULL,
                from_resolved_at_version text,
                to_resolved_at_version text,
                merged_issue_id uuid,
                created_at timestamptz NOT NULL,
                PRIMARY KEY (issue_id, seq));

            -- The scan reads events by sequence across projects; the events API lists them per project by time.
            CREATE TABLE events (
                seq bigint NOT NULL,
                project_id uuid NOT NULL,
                id uuid NOT NULL,
                app_id uuid NOT NULL,
                client_event_id uuid,
                session_id uuid NOT NULL,
                message text NOT NULL,
                user_id text,
                source_module text,
                screen_name text,
                custom_attributes jsonb NOT NULL,
                environment text,
                os_version text,
                app_version text,
                sdk_name text,
                sdk_version text,
                build_number text,
                device_model text,
                is_dev boolean NOT NULL,
                country_code text,
                "timestamp" timestamptz NOT NULL,
                received_at timestamptz NOT NULL,
                PRIMARY KEY (seq));
            CREATE UNIQUE INDEX events_id ON events (id);
            CREATE INDEX events_list ON events (project_id, "timestamp", id);

            CREATE TABLE client_events (
                app_id uuid NOT NULL,
                client_event_id uuid NOT NULL,
                PRIMARY KEY (app_id, client_event_id));

            -- One row: the last sequence given (never reused, even once its event is deleted) and the scan's checkpoint.
            CREATE TABLE scan_state (
                singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
                last_event_sequence bigint NOT NULL,
                scan_checkpoint bigint NOT NULL);
            INSERT INTO scan_state (last_event_sequence, scan_checkpoint) VALUES (0, 0);

            CREATE TABLE scan_runs (
                id uuid NOT NULL,
                triggered_by_team_id uuid,
                status text NOT NULL,
                started_at timestamptz NOT NULL,
                completed_at timestamptz,
                events_processed integer,
                issues_created integer,
                issues_regressed integer,
                issues_unsnoozed integer,
                occurrences_created integer,
                error text,
                PRIMARY KEY (id));
            CREATE INDEX scan_runs_started ON scan_runs (started_at, id);
            CREATE INDEX scan_runs_team ON scan_runs (triggered_by_team_id, started_at, id) WHERE triggered_by_team_id IS NOT NULL;

            CREATE TABLE notifications (
                id uuid NOT NULL,
                type text NOT NULL,
                team_id uuid NOT NULL,
                payload text NOT NULL,
                created_at timestamptz NOT NULL,
                status text NOT NULL,
                attempts integer NOT NULL,
                last_error text,
                dispatched_at timestamptz,
                PRIMARY KEY (id));
            CREATE INDEX notifications_pending ON notifications (created_at, id) WHERE status = 'Pending';
            CREATE INDEX notifications_settled ON notifications (created_at) WHERE status <> 'Pending';

            CREATE TABLE digest_state (
                project_id uuid NOT NULL,
                last_digest_at timestamptz NOT NULL,
                PRIMARY KEY (project_id));
            """),
        new(2, "occurrence groups: a merge re-points groups instead of rewriting occurrences", """
            -- An occurrence belongs to the group of the issue that recorded it (the group's id is that issue's id);
            -- a group belongs to one issue at a time, and a merge moves the source's groups to the target.
            ALTER TABLE occurrences RENAME COLUMN issue_id TO group_id;
            CREATE TABLE occurrence_groups (
                group_id uuid NOT NULL,
                issue_id uuid NOT NULL,
                PRIMARY KEY (group_id));
            CREATE INDEX occurrence_groups_issue ON occurrence_groups (issue_id, group_id);
            INSERT INTO occurrence_groups (group_id, issue_id) SELECT DISTINCT group_id, group_id FROM occurrences;
            """),
        new(3, "work leases: an issue's claim (holder and expiry), null while unclaimed", """
            -- A lapsed claim stays stored until someone claims, renews or releases the issue; readers compare claim_expires_at with now.
            ALTER TABLE issues
                ADD COLUMN claim_holder_kind text NULL,
                ADD COLUMN claim_holder_id uuid NULL,
                ADD COLUMN claim_holder_name text NULL,
                ADD COLUMN claimed_at timestamptz NULL,
                ADD COLUMN claim_expires_at timestamptz NULL;
            """),
        new(4, "audited comment edits and deletions name their comment", """
            ALTER TABLE audit_records ADD COLUMN comment_id uuid NULL;
            """),
        new(5, "occurrences keyed by (group, session): one index entry fewer per occurrence", """
            -- No statement finds an occurrence by its id, so the (group, id) key only cost each insert an index entry;
            -- the store's invariant, one occurrence per (group, session), becomes the primary key in its place.
            ALTER TABLE occurrences DROP CONSTRAINT occurrences_pkey;
            ALTER TABLE occurrences ADD CONSTRAINT occurrences_session PRIMARY KEY USING INDEX occurrences_session;
            """),
        new(6, "client event ids carry their event's sequence; event landings retired", """
            -- An attachment reserved after the scan follows its client event id to the event (and the event's
            -- fingerprint to the issue): the scan no longer writes a landing row per event. Null for events of other
            -- levels, which are not stored.
            ALTER TABLE client_events ADD COLUMN event_seq bigint NULL;
            UPDATE client_events c SET event_seq = e.seq
                FROM events e WHERE e.app_id = c.app_id AND e.client_event_id = c.client_event_id;
            DROP TABLE event_landings;
            """),
    ];
}
