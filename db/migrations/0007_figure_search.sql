-- Full-text search over what each figure says (docs/decisions/0006): its note and every evidence
-- sentence that cites it, one row per figure (rowid = the figure's id), for the figures page's
-- search. Contentless (the text stays in observations and observation_sources); triggers keep it
-- in the transaction of every write. Names (programme, board, metric) are searched in their own
-- small tables instead, so renaming one touches no row here.
CREATE VIRTUAL TABLE `figure_text` USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `figure_text_insert` AFTER INSERT ON `observations` BEGIN
  DELETE FROM figure_text WHERE rowid = NEW.id;
  INSERT INTO figure_text (rowid, body)
    SELECT o.id, coalesce(o.note, '') || char(10) || coalesce((SELECT group_concat(os.evidence, char(10)) FROM observation_sources os WHERE os.observation_id = o.id), '')
    FROM observations o WHERE o.id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `figure_text_note` AFTER UPDATE OF note ON `observations` BEGIN
  DELETE FROM figure_text WHERE rowid = NEW.id;
  INSERT INTO figure_text (rowid, body)
    SELECT o.id, coalesce(o.note, '') || char(10) || coalesce((SELECT group_concat(os.evidence, char(10)) FROM observation_sources os WHERE os.observation_id = o.id), '')
    FROM observations o WHERE o.id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `figure_text_delete` AFTER DELETE ON `observations` BEGIN
  DELETE FROM figure_text WHERE rowid = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `figure_text_link` AFTER INSERT ON `observation_sources` BEGIN
  DELETE FROM figure_text WHERE rowid = NEW.observation_id;
  INSERT INTO figure_text (rowid, body)
    SELECT o.id, coalesce(o.note, '') || char(10) || coalesce((SELECT group_concat(os.evidence, char(10)) FROM observation_sources os WHERE os.observation_id = o.id), '')
    FROM observations o WHERE o.id = NEW.observation_id;
END;
--> statement-breakpoint
CREATE TRIGGER `figure_text_unlink` AFTER DELETE ON `observation_sources` BEGIN
  DELETE FROM figure_text WHERE rowid = OLD.observation_id;
  INSERT INTO figure_text (rowid, body)
    SELECT o.id, coalesce(o.note, '') || char(10) || coalesce((SELECT group_concat(os.evidence, char(10)) FROM observation_sources os WHERE os.observation_id = o.id), '')
    FROM observations o WHERE o.id = OLD.observation_id;
END;
--> statement-breakpoint
CREATE TRIGGER `figure_text_relink` AFTER UPDATE OF observation_id, evidence ON `observation_sources` BEGIN
  DELETE FROM figure_text WHERE rowid = OLD.observation_id;
  INSERT INTO figure_text (rowid, body)
    SELECT o.id, coalesce(o.note, '') || char(10) || coalesce((SELECT group_concat(os.evidence, char(10)) FROM observation_sources os WHERE os.observation_id = o.id), '')
    FROM observations o WHERE o.id = OLD.observation_id;
  DELETE FROM figure_text WHERE rowid = NEW.observation_id;
  INSERT INTO figure_text (rowid, body)
    SELECT o.id, coalesce(o.note, '') || char(10) || coalesce((SELECT group_concat(os.evidence, char(10)) FROM observation_sources os WHERE os.observation_id = o.id), '')
    FROM observations o WHERE o.id = NEW.observation_id;
END;
--> statement-breakpoint
INSERT INTO `figure_text` (rowid, body)
  SELECT o.id, coalesce(o.note, '') || char(10) || coalesce((SELECT group_concat(os.evidence, char(10)) FROM observation_sources os WHERE os.observation_id = o.id), '')
  FROM observations o;