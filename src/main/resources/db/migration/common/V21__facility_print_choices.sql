-- How a facility prints: both sides of the sheet (each letter then starts on a new sheet), and photos
-- in shades of grey.
ALTER TABLE facility ADD COLUMN duplex BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE facility ADD COLUMN greyscale_photos BOOLEAN DEFAULT FALSE NOT NULL;
