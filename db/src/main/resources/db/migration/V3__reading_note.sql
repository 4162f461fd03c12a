-- A free-text note on a reading (the reader's remark, the "not" column of a CSV import), UTF-8 (Turkish letters).
ALTER TABLE reading ADD COLUMN note VARCHAR(500) NULL AFTER photo_ref;
