package data

import (
	"embed"
	"io/fs"
)

//go:embed models
var files embed.FS

// Models is the folder of trained models, each a compressed file named after
// its stage (tagger.bin.gz, parser.bin.gz, …).
var Models = mustSub(files, "models")

func mustSub(f fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		panic(err) // unreachable: dir is a literal embedded above
	}
	return sub
}
