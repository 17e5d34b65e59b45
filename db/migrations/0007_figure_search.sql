-- Full-text search over what each figure says and what it is of (docs/decisions/0006): its note,
-- every evidence sentence that cites it, and the names of its programme, board and metric, one
-- row per figure (rowid = the figure's id), for the figures page's search: every word searched
-- for must be in that text. Contentless (the text stays where it is); triggers keep it in the
-- transaction of every write to figures, their links and the names.
CREATE VIRTUAL TABLE `figure_text` USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');

-- The triggers that keep the rollups current, and the rollups' fill, are not here: they are
-- defined in db/rollups/ and installed (and the rollups rebuilt) by db/migrate.ts after the
-- migrations (docs/decisions/0008).
