-- The W3C traceparent of the span that added a job (a request, another job) when tracing is on
-- (decision 039): the job's run continues that trace. NULL when the adder was not traced. A
-- nullable column without a default or a check: added without rewriting or scanning the rows.
ALTER TABLE jobs ADD COLUMN trace_parent text;
