-- Full-text search over what each figure says and what it is of (docs/decisions/0006): its note,
-- every evidence sentence that cites it, and the names of its programme, board and metric, one
-- row per figure (rowid = the figure's id), for the figures page's search: every word searched
-- for must be in that text. Contentless (the text stays where it is); triggers keep it in the
-- transaction of every write to figures, their links and the names.
CREATE VIRTUAL TABLE `figure_text` USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `figure_text_insert` AFTER INSERT ON `observations` BEGIN
  DELETE FROM figure_text WHERE rowid = NEW.id;
  INSERT INTO figure_text (rowid, body)
    SELECT o.id, coalesce(o.note, '') || char(10) || coalesce((SELECT group_concat(os.evidence, char(10)) FROM observation_sources os WHERE os.observation_id = o.id), '')
      || char(10) || p.name || char(10) || b.name || char(10) || m.name
    FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN boards b ON b.id = p.board_id JOIN metrics m ON m.id = o.metric_id WHERE o.id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `figure_text_update` AFTER UPDATE OF note, programme_id, metric_id ON `observations` BEGIN
  DELETE FROM figure_text WHERE rowid = NEW.id;
  INSERT INTO figure_text (rowid, body)
    SELECT o.id, coalesce(o.note, '') || char(10) || coalesce((SELECT group_concat(os.evidence, char(10)) FROM observation_sources os WHERE os.observation_id = o.id), '')
      || char(10) || p.name || char(10) || b.name || char(10) || m.name
    FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN boards b ON b.id = p.board_id JOIN metrics m ON m.id = o.metric_id WHERE o.id = NEW.id;
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
      || char(10) || p.name || char(10) || b.name || char(10) || m.name
    FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN boards b ON b.id = p.board_id JOIN metrics m ON m.id = o.metric_id WHERE o.id = NEW.observation_id;
END;
--> statement-breakpoint
CREATE TRIGGER `figure_text_unlink` AFTER DELETE ON `observation_sources` BEGIN
  DELETE FROM figure_text WHERE rowid = OLD.observation_id;
  INSERT INTO figure_text (rowid, body)
    SELECT o.id, coalesce(o.note, '') || char(10) || coalesce((SELECT group_concat(os.evidence, char(10)) FROM observation_sources os WHERE os.observation_id = o.id), '')
      || char(10) || p.name || char(10) || b.name || char(10) || m.name
    FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN boards b ON b.id = p.board_id JOIN metrics m ON m.id = o.metric_id WHERE o.id = OLD.observation_id;
END;
--> statement-breakpoint
CREATE TRIGGER `figure_text_relink` AFTER UPDATE OF observation_id, evidence ON `observation_sources` BEGIN
  DELETE FROM figure_text WHERE rowid = OLD.observation_id;
  INSERT INTO figure_text (rowid, body)
    SELECT o.id, coalesce(o.note, '') || char(10) || coalesce((SELECT group_concat(os.evidence, char(10)) FROM observation_sources os WHERE os.observation_id = o.id), '')
      || char(10) || p.name || char(10) || b.name || char(10) || m.name
    FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN boards b ON b.id = p.board_id JOIN metrics m ON m.id = o.metric_id WHERE o.id = OLD.observation_id;
  DELETE FROM figure_text WHERE rowid = NEW.observation_id;
  INSERT INTO figure_text (rowid, body)
    SELECT o.id, coalesce(o.note, '') || char(10) || coalesce((SELECT group_concat(os.evidence, char(10)) FROM observation_sources os WHERE os.observation_id = o.id), '')
      || char(10) || p.name || char(10) || b.name || char(10) || m.name
    FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN boards b ON b.id = p.board_id JOIN metrics m ON m.id = o.metric_id WHERE o.id = NEW.observation_id;
END;
--> statement-breakpoint
-- A renamed programme, board or metric: its figures are found by its new name.
CREATE TRIGGER `figure_text_programme` AFTER UPDATE OF name, board_id ON `programmes` BEGIN
  DELETE FROM figure_text WHERE rowid IN (SELECT o.id FROM observations o WHERE o.programme_id = NEW.id);
  INSERT INTO figure_text (rowid, body)
    SELECT o.id, coalesce(o.note, '') || char(10) || coalesce((SELECT group_concat(os.evidence, char(10)) FROM observation_sources os WHERE os.observation_id = o.id), '')
      || char(10) || p.name || char(10) || b.name || char(10) || m.name
    FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN boards b ON b.id = p.board_id JOIN metrics m ON m.id = o.metric_id WHERE o.programme_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `figure_text_board` AFTER UPDATE OF name ON `boards` BEGIN
  DELETE FROM figure_text WHERE rowid IN (SELECT o.id FROM observations o WHERE o.programme_id IN (SELECT id FROM programmes WHERE board_id = NEW.id));
  INSERT INTO figure_text (rowid, body)
    SELECT o.id, coalesce(o.note, '') || char(10) || coalesce((SELECT group_concat(os.evidence, char(10)) FROM observation_sources os WHERE os.observation_id = o.id), '')
      || char(10) || p.name || char(10) || b.name || char(10) || m.name
    FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN boards b ON b.id = p.board_id JOIN metrics m ON m.id = o.metric_id WHERE o.programme_id IN (SELECT id FROM programmes WHERE board_id = NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `figure_text_metric` AFTER UPDATE OF name ON `metrics` BEGIN
  DELETE FROM figure_text WHERE rowid IN (SELECT o.id FROM observations o WHERE o.metric_id = NEW.id);
  INSERT INTO figure_text (rowid, body)
    SELECT o.id, coalesce(o.note, '') || char(10) || coalesce((SELECT group_concat(os.evidence, char(10)) FROM observation_sources os WHERE os.observation_id = o.id), '')
      || char(10) || p.name || char(10) || b.name || char(10) || m.name
    FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN boards b ON b.id = p.board_id JOIN metrics m ON m.id = o.metric_id WHERE o.metric_id = NEW.id;
END;
--> statement-breakpoint
INSERT INTO `figure_text` (rowid, body)
  SELECT o.id, coalesce(o.note, '') || char(10) || coalesce((SELECT group_concat(os.evidence, char(10)) FROM observation_sources os WHERE os.observation_id = o.id), '')
      || char(10) || p.name || char(10) || b.name || char(10) || m.name
  FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN boards b ON b.id = p.board_id JOIN metrics m ON m.id = o.metric_id;