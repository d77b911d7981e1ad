-- The triage model's score of each screened message, the model version that gave it, the words that
-- raised it and the sentence that drove it; screeners' decisions the model learns from; and every
-- model trained, with its training data digest and figures.
ALTER TABLE screening_result ADD COLUMN model_version VARCHAR(64);
ALTER TABLE screening_result ADD COLUMN model_score DOUBLE PRECISION;
ALTER TABLE screening_result ADD COLUMN model_terms VARCHAR(1000);
ALTER TABLE screening_result ADD COLUMN model_span_start INT;
ALTER TABLE screening_result ADD COLUMN model_span_end INT;

CREATE TABLE review_decision (
    message_id VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES message (id),
    decision   VARCHAR(16) NOT NULL,
    decided_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE triage_model (
    version     VARCHAR(64)   NOT NULL PRIMARY KEY,
    trained_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    trained_by  VARCHAR(320)  NOT NULL,
    examples    INT           NOT NULL,
    reviewed    INT           NOT NULL,
    data_digest VARCHAR(64)   NOT NULL,
    metrics     VARCHAR(4000) NOT NULL
);
