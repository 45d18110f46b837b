-- runnel demo --sql: live views over generated Nexmark bids, served to PostgreSQL clients.
CREATE TABLE bid WITH ('connector' = 'nexmark', 'table' = 'bid', 'events-per-second' = '${RATE}');

-- every auction's bids so far and its best price: one row per auction, updated in place
CREATE MATERIALIZED VIEW auction_bids AS
SELECT auction, COUNT(*) AS bids, MAX(price) AS best_price, MAX(`dateTime`) AS last_bid
FROM bid GROUP BY auction;

-- bids per 10 seconds of event time: a row per window once the window closes
CREATE MATERIALIZED VIEW bids_per_window AS
SELECT window_start, window_end, COUNT(*) AS bids, AVG(price) AS avg_price
FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND))
GROUP BY window_start, window_end;
