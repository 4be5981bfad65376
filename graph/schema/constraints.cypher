// Constraints and indexes, applied by `mgraph schema apply` (idempotent: IF NOT EXISTS).
// One unique id per label; tests check that every node type in nodes/ has its line.
CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id_unique IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id_unique IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_id_unique IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id_unique IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agreement_id_unique IF NOT EXISTS FOR (n:Agreement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT policy_id_unique IF NOT EXISTS FOR (n:Policy) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id_unique IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT post_id_unique IF NOT EXISTS FOR (n:Post) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statement_id_unique IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT group_id_unique IF NOT EXISTS FOR (n:Group) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statistic_id_unique IF NOT EXISTS FOR (n:Statistic) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id_unique IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT schema_meta_key_unique IF NOT EXISTS FOR (n:SchemaMeta) REQUIRE n.key IS UNIQUE;

// Full-text search over names, aliases and names in other languages.
// standard-folding folds accents, so "Jose Raul Mulino" finds "José Raúl Mulino".
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.search_text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false}};

// Sources are listed by publisher.
CREATE INDEX source_publisher IF NOT EXISTS FOR (n:Source) ON (n.publisher);

// Listing and filtering entities by type, ordered by name.
CREATE INDEX entity_type IF NOT EXISTS FOR (n:Entity) ON (n.type);
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);

// Edit history: one (:Change) per created, updated, retracted or merged record.
CREATE CONSTRAINT change_id_unique IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE;
CREATE INDEX change_target IF NOT EXISTS FOR (c:Change) ON (c.target);
CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at);
// API keys: stored hashed, looked up by their public id.
CREATE CONSTRAINT api_key_id_unique IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE;
// Idempotency-Key: one (:IdempotentRequest) per caller, method, path and key, for 24 hours.
CREATE CONSTRAINT idempotent_request_unique IF NOT EXISTS FOR (r:IdempotentRequest) REQUIRE r.id IS UNIQUE;
CREATE INDEX idempotent_request_at IF NOT EXISTS FOR (r:IdempotentRequest) ON (r.created_at);
// Article ingestion: proposals wait under their own labels (never :Entity or :Source),
// so no read, search, export or RDF answer can see them before review.
CREATE CONSTRAINT ingest_id_unique IF NOT EXISTS FOR (i:Ingest) REQUIRE i.id IS UNIQUE;
CREATE INDEX ingest_created_at IF NOT EXISTS FOR (i:Ingest) ON (i.created_at);
CREATE CONSTRAINT ingest_rejection_unique IF NOT EXISTS FOR (r:IngestRejection) REQUIRE r.key IS UNIQUE;
// Citable snapshots: immutable, one per content hash.
CREATE CONSTRAINT snapshot_id_unique IF NOT EXISTS FOR (s:Snapshot) REQUIRE s.id IS UNIQUE;
// The ingestion gazetteer catches up on names recorded since it was built.
CREATE INDEX entity_recorded_at IF NOT EXISTS FOR (n:Entity) ON (n.recorded_at);
// Quote search (GET /facts?q=): the words of every citation, on facts and on entities.
// `english` stems ("vows" finds "vowed"); a relationship index names its types, and a test
// checks that this line names every type in graph/schema/relationships/.
CREATE FULLTEXT INDEX fact_quotes IF NOT EXISTS
FOR ()-[r:ABOUT|AFFECTS|ATTENDED|FUNDS|HOLDS_POST|HONOREE_OF|IMPLEMENTS|INITIATED|ISSUED|LOCATED_IN|NATIONALS_OF|PART_OF|PARTY_TO|POST_IN|PROVIDES_ASSISTANCE_TO|RELIES_ON|REPORTED|SIGNED|STATED|STATISTIC_OF]-() ON EACH [r.cite_quotes]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'english', `fulltext.eventually_consistent`: false}};
CREATE FULLTEXT INDEX entity_quotes IF NOT EXISTS FOR (n:Entity) ON EACH [n.cite_quotes]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'english', `fulltext.eventually_consistent`: false}};
// Source search (GET /sources?q=): the words of every source's title and full text.
CREATE FULLTEXT INDEX source_text IF NOT EXISTS FOR (s:Source) ON EACH [s.title, s.text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'english', `fulltext.eventually_consistent`: false}};
