-- Co-authors (issue 19), in the same portable SQL as V1: a question the drafter handed to a
-- teammate. Their replies in the thread answer it; the drafter's answer the others. A row stays
-- once the question is answered: it is the co-author's credit in the document. "Waiting on" a
-- person is an assignment whose question has no row in answers yet.
CREATE TABLE assignments (
    interview_id  TEXT   NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    question_id   TEXT   NOT NULL,
    assignee_id   TEXT   NOT NULL,
    -- The co-author as the document names them, read when the question was handed over.
    assignee_name TEXT   NOT NULL,
    assigned_at   BIGINT NOT NULL,
    PRIMARY KEY (interview_id, question_id)
);

-- What waits on a person (the home tab, their nudges) is one range of this index.
CREATE INDEX assignments_by_assignee ON assignments (assignee_id, interview_id);
