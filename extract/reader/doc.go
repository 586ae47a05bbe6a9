// Package reader turns files, folders and standard input into kg.Documents.
//
// It reads plain text (.txt), Markdown (.md), HTML (.html, .htm) and JSON
// lines (.jsonl, one document per row: {"id","title","date","source","text"}),
// detecting the format by extension and, without one, by content. From HTML
// it keeps the article and drops markup, scripts, navigation and boilerplate
// such as "Sponsored Links", cookie banners and share buttons, and takes the
// title and date from meta tags; from Markdown it keeps the text and drops
// the syntax.
//
// Bad input never stops a walk: Walk hands every input to its callback,
// either as a document or as an Item whose Err names the file and says what
// is wrong with it (binary, empty, too large, unreadable, invalid UTF-8), so
// that the caller can report it and go on. Invalid UTF-8 is repaired with
// U+FFFD when the damage is small and rejected when it is not.
package reader
