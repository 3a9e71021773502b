-- Uploaded images: the stored original's name (the SHA-256 of the uploaded bytes and its type; its
-- variants are named after it) and its displayed size, for srcset. Images given by URL have none.
ALTER TABLE product_images ADD COLUMN media_name text
  CHECK (media_name ~ '^[0-9a-f]{64}\.(jpg|png|webp|avif)$');
ALTER TABLE product_images ADD COLUMN width integer CHECK (width > 0);
ALTER TABLE product_images ADD COLUMN height integer CHECK (height > 0);
ALTER TABLE product_images ADD CONSTRAINT product_images_media_size
  CHECK ((media_name IS NULL) = (width IS NULL) AND (media_name IS NULL) = (height IS NULL));
-- whether any product of the store still shows a stored image (before its files are deleted)
CREATE INDEX product_images_media_idx ON product_images (store_id, media_name) WHERE media_name IS NOT NULL;
