-- A screenshot's width and height in pixels, read from its header when it was uploaded. Only a
-- screenshot with known, small dimensions is shown inline (an <img> on the case page); one stored
-- before this migration (null) is offered as a download, since it was never measured and could be
-- a decompression bomb.
alter table support_case_screenshot add column width integer, add column height integer;
