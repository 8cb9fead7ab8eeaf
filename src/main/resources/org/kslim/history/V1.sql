-- kslim history, schema version 1. Portable SQL: SQLite and PostgreSQL read it alike.
CREATE TABLE policy (
  hash CHAR(64) PRIMARY KEY,
  source VARCHAR(1000) NOT NULL,
  body TEXT NOT NULL
);
CREATE TABLE policy_rule (
  policy_hash CHAR(64) NOT NULL REFERENCES policy (hash),
  position INTEGER NOT NULL,
  matcher TEXT NOT NULL,
  package VARCHAR(200) NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (policy_hash, position)
);
CREATE TABLE policy_approval (
  policy_hash CHAR(64) NOT NULL REFERENCES policy (hash),
  position INTEGER NOT NULL,
  kind VARCHAR(10) NOT NULL,
  package VARCHAR(200) NOT NULL,
  subject TEXT NOT NULL,
  reason TEXT NOT NULL,
  approved_by VARCHAR(200) NOT NULL,
  PRIMARY KEY (policy_hash, position)
);
CREATE TABLE policy_budget (
  policy_hash CHAR(64) NOT NULL REFERENCES policy (hash),
  package VARCHAR(200) NOT NULL,
  measure VARCHAR(20) NOT NULL,
  size_limit BIGINT NOT NULL,
  PRIMARY KEY (policy_hash, package, measure)
);
CREATE TABLE build (
  id BIGINT PRIMARY KEY,
  recorded_at VARCHAR(40) NOT NULL,
  kernel_version VARCHAR(200) NOT NULL,
  flavour VARCHAR(200) NOT NULL,
  architecture VARCHAR(50) NOT NULL,
  input_name VARCHAR(300) NOT NULL,
  input_sha256 CHAR(64) NOT NULL,
  policy_hash CHAR(64) NOT NULL REFERENCES policy (hash),
  passed SMALLINT NOT NULL,
  UNIQUE (input_sha256, policy_hash)
);
CREATE INDEX build_by_flavour ON build (flavour, architecture);
CREATE TABLE build_module (
  build_id BIGINT NOT NULL REFERENCES build (id),
  path VARCHAR(500) NOT NULL,
  name VARCHAR(200) NOT NULL,
  package VARCHAR(200) NOT NULL,
  installed BIGINT NOT NULL,
  installed_kib BIGINT NOT NULL,
  disk BIGINT NOT NULL,
  elf BIGINT NOT NULL,
  PRIMARY KEY (build_id, path)
);
CREATE TABLE build_package (
  build_id BIGINT NOT NULL REFERENCES build (id),
  package VARCHAR(200) NOT NULL,
  position INTEGER NOT NULL,
  measure VARCHAR(20) NOT NULL,
  size BIGINT NOT NULL,
  PRIMARY KEY (build_id, package, measure)
);
CREATE TABLE build_verdict (
  build_id BIGINT NOT NULL REFERENCES build (id),
  position INTEGER NOT NULL,
  package VARCHAR(200) NOT NULL,
  measure VARCHAR(20) NOT NULL,
  budget BIGINT NOT NULL,
  size_limit BIGINT NOT NULL,
  actual BIGINT NOT NULL,
  passed SMALLINT NOT NULL,
  PRIMARY KEY (build_id, position)
);
