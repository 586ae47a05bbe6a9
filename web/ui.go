package web

import "embed"

// uiFiles are the explorer's page, script, style and vendored libraries.
//
//go:embed ui
var uiFiles embed.FS
