-- Keep request_view's rows narrow: PostgreSQL moves the large documents (the whole view, then the
-- summary) out of line until a row fits in 256 bytes, so that list and queue queries that filter
-- or count thousands of rows read a few pages of filter and sort columns, not the documents.
alter table request_view set (toast_tuple_target = 256);
