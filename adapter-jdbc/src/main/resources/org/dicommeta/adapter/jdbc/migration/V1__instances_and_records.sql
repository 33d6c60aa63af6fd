-- Version 1 of the store's schema. ${schema} is replaced by the validated, quoted schema name.
-- UIDs: varchar(64) (PS3.5 §9.1 caps a UID at 64 characters) with collation "C", so that the primary key
-- orders by bytes, which for the digits and dots of a UID is Java's String.compareTo order: keyset pages
-- then walk the primary key index.

CREATE TABLE ${schema}.instance (
    sop_instance_uid    varchar(64) COLLATE "C" PRIMARY KEY,
    study_instance_uid  varchar(64),
    series_instance_uid varchar(64),
    patient_id          text,
    sop_class_uid       varchar(64),
    transfer_syntax_uid varchar(64),
    source              text NOT NULL,
    stored_at           timestamptz NOT NULL
);

CREATE TABLE ${schema}.json_record (
    sop_instance_uid varchar(64) COLLATE "C" PRIMARY KEY
                     REFERENCES ${schema}.instance (sop_instance_uid) ON DELETE CASCADE,
    flags            text NOT NULL,
    codec_version    text NOT NULL,
    written_at       timestamptz NOT NULL,
    size             bigint NOT NULL CHECK (size >= 0),
    sha256           bytea NOT NULL CHECK (octet_length(sha256) = 32),
    encoding         text NOT NULL CHECK (encoding IN ('identity', 'deflate')),
    content          bytea NOT NULL
);

CREATE TABLE ${schema}.xml_record (LIKE ${schema}.json_record INCLUDING ALL);
ALTER TABLE ${schema}.xml_record ADD FOREIGN KEY (sop_instance_uid)
    REFERENCES ${schema}.instance (sop_instance_uid) ON DELETE CASCADE;

-- A row is moved to TOAST only past a full page rather than the default quarter page: a compressed header
-- record (a few KB) then stays in its row, which saves a TOAST insert and an index entry per record.
ALTER TABLE ${schema}.json_record SET (toast_tuple_target = 8160);
ALTER TABLE ${schema}.xml_record SET (toast_tuple_target = 8160);

-- Counts. Each statement that inserts or deletes rows of a counted table appends one row with the number
-- of rows it changed, in the same transaction (statement-level triggers over transition tables, so a batch
-- costs one row, and cascaded deletes are counted too). Appending never contends on a hot row; a count
-- sums the deltas of one kind (or of two kinds in one statement, so one snapshot), and the store folds the
-- deltas of a kind into one row now and then.
CREATE TABLE ${schema}.row_count (
    kind  text NOT NULL CHECK (kind IN ('instance', 'json', 'xml')),
    delta bigint NOT NULL
);

CREATE FUNCTION ${schema}.count_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ${schema}.row_count (kind, delta) SELECT TG_ARGV[0], count(*) FROM new_rows HAVING count(*) > 0;
    RETURN NULL;
END
$$;

CREATE FUNCTION ${schema}.count_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ${schema}.row_count (kind, delta) SELECT TG_ARGV[0], -count(*) FROM old_rows HAVING count(*) > 0;
    RETURN NULL;
END
$$;

CREATE TRIGGER instance_inserted AFTER INSERT ON ${schema}.instance
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.count_inserted('instance');
CREATE TRIGGER instance_deleted AFTER DELETE ON ${schema}.instance
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.count_deleted('instance');
CREATE TRIGGER json_inserted AFTER INSERT ON ${schema}.json_record
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.count_inserted('json');
CREATE TRIGGER json_deleted AFTER DELETE ON ${schema}.json_record
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.count_deleted('json');
CREATE TRIGGER xml_inserted AFTER INSERT ON ${schema}.xml_record
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.count_inserted('xml');
CREATE TRIGGER xml_deleted AFTER DELETE ON ${schema}.xml_record
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.count_deleted('xml');

-- TRUNCATE bypasses the delete triggers and would leave the counts wrong: refuse it.
CREATE FUNCTION ${schema}.refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'TRUNCATE of %.% would desynchronise the counts; use DELETE', TG_TABLE_SCHEMA, TG_TABLE_NAME;
END
$$;
CREATE TRIGGER instance_no_truncate BEFORE TRUNCATE ON ${schema}.instance
    FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.refuse_truncate();
CREATE TRIGGER json_no_truncate BEFORE TRUNCATE ON ${schema}.json_record
    FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.refuse_truncate();
CREATE TRIGGER xml_no_truncate BEFORE TRUNCATE ON ${schema}.xml_record
    FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.refuse_truncate();
