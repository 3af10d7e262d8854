-- The part's search words on the part row itself (" brake pad set bosch brakes "), so that a text search can let
-- its rarest word choose the candidate parts through part_word and check the other words on the rows it reads
-- anyway, instead of collecting every part of a common word ("filter": 38,000 of 100,000 parts).
ALTER TABLE part ADD COLUMN search_words VARCHAR(2000) NOT NULL DEFAULT '';

UPDATE part p
   SET search_words = COALESCE((SELECT ' ' || LISTAGG(w.word, ' ') WITHIN GROUP (ORDER BY w.word) || ' '
                                  FROM part_word w WHERE w.part_id = p.id), '');
