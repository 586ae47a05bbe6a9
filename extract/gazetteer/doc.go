// Package gazetteer reads kg's own lists of countries (with their aliases,
// demonyms and capitals), other places (regions, states, large cities),
// international organizations, companies and media, role titles and common
// given names, and looks phrases up in them case-insensitively.
//
// The lists live as TSV files in data/gazetteer and are read from an fs.FS
// (data.Gazetteer in the binary). The named-entity recognizer uses them as
// features; the alias resolver uses them to map U.S. to United States and
// Russian to Russia.
package gazetteer
