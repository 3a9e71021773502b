-- Products' and offers' ratings now come only from published reviews (the reviews module sets them
-- in the transaction of every review change). Numbers written before (the demo catalog drew them at
-- random) are explained by no review, so they start again from zero.
UPDATE products SET rating_avg = 0, rating_count = 0 WHERE rating_count <> 0 OR rating_avg <> 0;
UPDATE offers SET rating_avg = 0, rating_count = 0 WHERE rating_count <> 0 OR rating_avg <> 0;
