// Package data embeds the files kg ships inside its binary: the trained
// models under models/, the alias tables and the bundled sample articles.
// It holds no logic; the packages that read these files take an fs.FS.
package data
