-- A ledger of schema version 2 as kanwu 0.1.0 (2bdd413) wrote it: the test text of
-- test_ledger.cpp (kRelease) added as release.txt, and one correction. The
-- migration test opens it with the current kanwu.
CREATE TABLE ledger_claims (
  id INTEGER PRIMARY KEY,
  document_id BIGINT NOT NULL REFERENCES ledger_documents (id) ON DELETE CASCADE,
  sentence_id BIGINT REFERENCES ledger_sentences (id) ON DELETE CASCADE,
  metric_key TEXT NOT NULL,
  metric TEXT NOT NULL,
  role TEXT NOT NULL,
  qualifiers TEXT NOT NULL,
  subject TEXT NOT NULL,
  period TEXT NOT NULL,
  period_text TEXT NOT NULL,
  share_base TEXT NOT NULL,
  unit TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  low DOUBLE PRECISION NOT NULL,
  high DOUBLE PRECISION NOT NULL,
  text TEXT NOT NULL,
  block INTEGER NOT NULL,
  offset_in_sentence INTEGER NOT NULL,
  line INTEGER NOT NULL,
  col INTEGER NOT NULL,
  end_line INTEGER NOT NULL,
  end_col INTEGER NOT NULL
, figure_group TEXT, evidence TEXT);
INSERT INTO "ledger_claims" VALUES(1,1,1,'事业|发展|民政|资金','民政事业发展资金','value','','通辽','FYP14','“十四五”以来','','元',7040000000.0,7035000000.0,7045000000.0,'70.4亿元',1,54,3,19,3,25,'事业|发展|民政|资金通辽FYP14元','{"cofigures":[[2839089688879994707,940000000.0,true,935000000.0,945000000.0,"9.4亿元"],[13774591453881489052,16.4,true,16.349999999999998,16.45,"16.4%"]],"exact":true,"figure":"事业|发展|民政|资金\u001fFYP14\u001f元","named_indicator":false,"self_contained":true,"unknown_period":false}');
INSERT INTO "ledger_claims" VALUES(2,1,1,'事业|发展|民政|资金#increase+较FYP13','民政事业发展资金','increase','','通辽','FYP14','“十四五”以来','','元',940000000.0,935000000.0,945000000.0,'9.4亿元',1,97,3,36,3,41,'事业|发展|民政|资金#increase+较FYP13通辽FYP14元','{"cofigures":[[17089112357800652715,7040000000.0,true,7035000000.0,7045000000.0,"70.4亿元"],[13774591453881489052,16.4,true,16.349999999999998,16.45,"16.4%"]],"exact":true,"figure":"事业|发展|民政|资金#increase+较FYP13\u001fFYP14\u001f元","named_indicator":false,"self_contained":true,"unknown_period":false}');
INSERT INTO "ledger_claims" VALUES(3,1,1,'事业|发展|民政|资金#rate','民政事业发展资金','rate','','通辽','FYP14','“十四五”以来','','%',16.4,1.63499999999999978683e+01,16.45,'16.4%',1,115,3,44,3,49,'事业|发展|民政|资金#rate通辽FYP14%','{"cofigures":[[17089112357800652715,7040000000.0,true,7035000000.0,7045000000.0,"70.4亿元"],[2839089688879994707,940000000.0,true,935000000.0,945000000.0,"9.4亿元"]],"exact":true,"figure":"事业|发展|民政|资金#rate\u001fFYP14\u001f%","named_indicator":false,"self_contained":true,"unknown_period":false}');
INSERT INTO "ledger_claims" VALUES(4,1,2,'养老|建成|服务中心|社区','建成社区养老服务中心','value','','通辽','FYP14','','','个',128.0,127.5,128.5,'128个',2,36,5,13,5,17,'养老|建成|服务中心|社区通辽FYP14个','{"cofigures":[[14518227227004783943,1021.0,true,1020.5,1021.5,"1021所"],[1426070858981678040,23000.0,true,22500.0,23500.0,"2.3万张"]],"exact":true,"figure":"养老|建成|服务中心|社区\u001fFYP14\u001f个","named_indicator":false,"self_contained":false,"unknown_period":false}');
INSERT INTO "ledger_claims" VALUES(5,1,2,'互助|农村|幸福|院','农村互助幸福院','value','','通辽','FYP14','','','所',1021.0,1020.5,1021.5,'1021所',2,72,5,27,5,32,'互助|农村|幸福|院通辽FYP14所','{"cofigures":[[13512749839109776334,128.0,true,127.5,128.5,"128个"],[1426070858981678040,23000.0,true,22500.0,23500.0,"2.3万张"]],"exact":true,"figure":"互助|农村|幸福|院\u001fFYP14\u001f所","named_indicator":false,"self_contained":false,"unknown_period":false}');
INSERT INTO "ledger_claims" VALUES(6,1,2,'养老|床位|总','养老床位总','value','','通辽','FYP14','','','张',23000.0,22500.0,23500.0,'2.3万张',2,106,5,41,5,46,'养老|床位|总通辽FYP14张','{"cofigures":[[13512749839109776334,128.0,true,127.5,128.5,"128个"],[14518227227004783943,1021.0,true,1020.5,1021.5,"1021所"]],"exact":true,"figure":"养老|床位|总\u001fFYP14\u001f张","named_indicator":false,"self_contained":false,"unknown_period":false}');
CREATE TABLE ledger_corrections (
  id INTEGER PRIMARY KEY,
  document_id BIGINT NOT NULL REFERENCES ledger_documents (id) ON DELETE CASCADE,
  was TEXT NOT NULL,
  now TEXT NOT NULL,
  corrected_on TEXT,
  added_at TEXT NOT NULL,
  metric_key TEXT,
  subject TEXT,
  period TEXT,
  unit TEXT,
  low DOUBLE PRECISION,
  high DOUBLE PRECISION
, figure_group TEXT);
INSERT INTO "ledger_corrections" VALUES(1,1,'16.4%','15.4%','2024-05-08','2026-12-07T16:14:10Z','事业|发展|民政|资金#rate','通辽','FYP14','%',1.63499999999999978683e+01,16.45,'事业|发展|民政|资金#rate通辽FYP14%');
CREATE TABLE ledger_documents (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  published TEXT NOT NULL,
  published_from TEXT NOT NULL,
  source TEXT,
  content_hash TEXT NOT NULL,
  reader TEXT NOT NULL,
  bytes BIGINT NOT NULL,
  added_at TEXT NOT NULL
);
INSERT INTO "ledger_documents" VALUES(1,'release.txt','通辽市民政局2024年5月6日发布','2024-05-06','option',NULL,'f99aef632f72f5244d393a4f08994234','kanwu 0.1.0; comparable 4; figures.yaml 18f9a27986a92f6e',441,'2026-12-07T16:14:10Z');
CREATE TABLE ledger_paragraph_bands (
  band_key BIGINT NOT NULL,
  paragraph_id BIGINT NOT NULL REFERENCES ledger_paragraphs (id) ON DELETE CASCADE,
  PRIMARY KEY (band_key, paragraph_id)
) WITHOUT ROWID;
INSERT INTO "ledger_paragraph_bands" VALUES(-8941142203510278526,1);
INSERT INTO "ledger_paragraph_bands" VALUES(-6511515916964934733,1);
INSERT INTO "ledger_paragraph_bands" VALUES(-4981845777798338259,1);
INSERT INTO "ledger_paragraph_bands" VALUES(-173838635804145053,1);
INSERT INTO "ledger_paragraph_bands" VALUES(3888288748353631032,1);
INSERT INTO "ledger_paragraph_bands" VALUES(7612025120740531133,1);
INSERT INTO "ledger_paragraph_bands" VALUES(8496210582018553169,1);
INSERT INTO "ledger_paragraph_bands" VALUES(8846251963813723875,1);
INSERT INTO "ledger_paragraph_bands" VALUES(-8674845835364630449,2);
INSERT INTO "ledger_paragraph_bands" VALUES(-8444567982740132335,2);
INSERT INTO "ledger_paragraph_bands" VALUES(-6850920903313825419,2);
INSERT INTO "ledger_paragraph_bands" VALUES(-2931031308094369403,2);
INSERT INTO "ledger_paragraph_bands" VALUES(-329922058717510403,2);
INSERT INTO "ledger_paragraph_bands" VALUES(5392500110111861425,2);
INSERT INTO "ledger_paragraph_bands" VALUES(5423380153658380840,2);
INSERT INTO "ledger_paragraph_bands" VALUES(8761855775113602368,2);
CREATE TABLE ledger_paragraphs (
  id INTEGER PRIMARY KEY,
  document_id BIGINT NOT NULL REFERENCES ledger_documents (id) ON DELETE CASCADE,
  block INTEGER NOT NULL,
  line INTEGER NOT NULL,
  col INTEGER NOT NULL,
  end_line INTEGER NOT NULL,
  end_col INTEGER NOT NULL,
  chars INTEGER NOT NULL,
  sentences INTEGER NOT NULL,
  exact_hash BIGINT NOT NULL,
  shingles BLOB NOT NULL
);
INSERT INTO "ledger_paragraphs" VALUES(1,1,1,3,1,3,71,56,2,6478176459315613455,X'E8008114A4170B22D42FAB31E337A83A03425644A946784AD14AC54B864FF8503F5DAE6090633B6492644B68A96C1B84748F4096CD965C973B9A389BF59EC0A72AAB74AC79B4F5BC1DCE82CEFBD320D5D2D562DDF7E036E143E474E78FEA31F139F228F41BF73BFD6BFE');
INSERT INTO "ledger_paragraphs" VALUES(2,1,2,5,1,5,78,71,2,-3097211802508536676,X'33006200A503600B98107A12E5152719A41C1A1F0B223527A827D628F72BEA2DD631C23CE03CFD41C643CE454348D24B134E1353BD5ACF66EC66B96A616FB971EA72837AEB7EC9843B87EA87A58C278EA1916495FA96AA9FB09F18A137A1BBA9A1ADD3AE80B0DFB19ABA72BDEBC07FC3EDD6C0D87CDFB7E1CEE343E4ADE47EEC5EED2DEF1DF094F0EBF8');
CREATE TABLE ledger_schema (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);
INSERT INTO "ledger_schema" VALUES(1,'2026-12-07T16:14:10Z');
INSERT INTO "ledger_schema" VALUES(2,'2026-12-07T16:14:10Z');
CREATE TABLE ledger_sentences (
  id INTEGER PRIMARY KEY,
  document_id BIGINT NOT NULL REFERENCES ledger_documents (id) ON DELETE CASCADE,
  block INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  text TEXT NOT NULL,
  figures TEXT NOT NULL
);
INSERT INTO "ledger_sentences" VALUES(1,1,1,0,'“十四五”以来，全市民政事业发展资金70.4亿元，较“十三五”时期增加9.4亿元，增长16.4%','54-58,97-100,115-119');
INSERT INTO "ledger_sentences" VALUES(2,1,2,1,'全市建成社区养老服务中心128个，农村互助幸福院达到1021所，养老床位总数达到2.3万张','36-39,72-76,106-109');
CREATE INDEX ledger_documents_published ON ledger_documents (published);
CREATE INDEX ledger_sentences_document ON ledger_sentences (document_id);
CREATE INDEX ledger_claims_metric ON ledger_claims (metric_key);
CREATE INDEX ledger_claims_document ON ledger_claims (document_id);
CREATE INDEX ledger_claims_sentence ON ledger_claims (sentence_id);
CREATE INDEX ledger_paragraphs_exact ON ledger_paragraphs (exact_hash);
CREATE INDEX ledger_paragraphs_document ON ledger_paragraphs (document_id);
CREATE INDEX ledger_paragraph_bands_paragraph ON ledger_paragraph_bands (paragraph_id);
CREATE INDEX ledger_corrections_document ON ledger_corrections (document_id);
CREATE INDEX ledger_corrections_metric ON ledger_corrections (metric_key);
CREATE INDEX ledger_claims_group ON ledger_claims (figure_group);
