-- The legacy integration log (seeds/004, CONTRACT.md): one row per checkpoint of a flow (a published
-- pattern, or a producer heartbeat). Written by the engine (PATTERN_PUBLISHED, PRODUCER_ALIVE) and the app
-- (EVENT_RECEIVED, EVENT_PARSED, WEBSOCKET_DELIVERED) through log_integration_event, idempotent per
-- (flow_id, checkpoint). event_at is when the checkpoint happened (details.timestamp, epoch seconds, when
-- given), which may be earlier than created_at when rows waited for the database.

CREATE TABLE IF NOT EXISTS integration_events (
    id           BIGSERIAL PRIMARY KEY,
    flow_id      UUID NOT NULL,
    event_type   VARCHAR(50) NOT NULL,
    source       VARCHAR(50) NOT NULL,
    checkpoint   VARCHAR(50) NOT NULL,
    channel      VARCHAR(100),
    symbol       VARCHAR(10),
    pattern_name VARCHAR(50),
    confidence   NUMERIC(5,4),
    user_count   INTEGER,
    details      JSONB,
    event_at     TIMESTAMPTZ NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    UNIQUE (flow_id, checkpoint)
);
CREATE INDEX IF NOT EXISTS idx_integration_events_event_at ON integration_events (event_at DESC);
CREATE INDEX IF NOT EXISTS idx_integration_events_checkpoint ON integration_events (checkpoint, event_at DESC);

-- The ten arguments of seeds/004, in its order. Returns the new row's id, or NULL for a repeat.
CREATE OR REPLACE FUNCTION log_integration_event(
    p_flow_id      UUID,
    p_event_type   VARCHAR,
    p_source       VARCHAR,
    p_checkpoint   VARCHAR,
    p_channel      VARCHAR,
    p_symbol       VARCHAR,
    p_pattern_name VARCHAR,
    p_confidence   NUMERIC,
    p_user_count   INTEGER,
    p_details      JSONB
) RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    new_id BIGINT;
BEGIN
    INSERT INTO integration_events (flow_id, event_type, source, checkpoint, channel, symbol, pattern_name,
                                    confidence, user_count, details, event_at)
    VALUES (p_flow_id, p_event_type, p_source, p_checkpoint, p_channel, p_symbol, p_pattern_name,
            round(p_confidence, 4), p_user_count, p_details,
            COALESCE(to_timestamp((p_details ->> 'timestamp')::double precision), clock_timestamp()))
    ON CONFLICT (flow_id, checkpoint) DO NOTHING
    RETURNING id INTO new_id;
    RETURN new_id;
END;
$$;

-- Per flow: when the pattern was published, received, parsed and delivered, and the latencies in ms.
CREATE OR REPLACE VIEW pattern_flow_analysis AS
SELECT flow_id,
       max(symbol)       AS symbol,
       max(pattern_name) AS pattern_name,
       max(confidence)   AS confidence,
       min(event_at) FILTER (WHERE checkpoint = 'PATTERN_PUBLISHED')   AS published_at,
       min(event_at) FILTER (WHERE checkpoint = 'EVENT_RECEIVED')      AS received_at,
       min(event_at) FILTER (WHERE checkpoint = 'EVENT_PARSED')        AS parsed_at,
       min(event_at) FILTER (WHERE checkpoint = 'WEBSOCKET_DELIVERED') AS delivered_at,
       max(user_count) FILTER (WHERE checkpoint = 'WEBSOCKET_DELIVERED') AS delivered_to,
       round((extract(epoch FROM min(event_at) FILTER (WHERE checkpoint = 'EVENT_RECEIVED')
            - min(event_at) FILTER (WHERE checkpoint = 'PATTERN_PUBLISHED')) * 1000)::numeric, 1) AS redis_latency_ms,
       round((extract(epoch FROM min(event_at) FILTER (WHERE checkpoint = 'WEBSOCKET_DELIVERED')
            - min(event_at) FILTER (WHERE checkpoint = 'EVENT_RECEIVED')) * 1000)::numeric, 1) AS app_latency_ms,
       round((extract(epoch FROM min(event_at) FILTER (WHERE checkpoint = 'WEBSOCKET_DELIVERED')
            - min(event_at) FILTER (WHERE checkpoint = 'PATTERN_PUBLISHED')) * 1000)::numeric, 1) AS total_latency_ms
FROM integration_events
WHERE event_type = 'pattern_detected'
GROUP BY flow_id;
