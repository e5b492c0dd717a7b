// Package postes holds the default theme, embedded so that the postes
// command works from any folder. The generator lives under generator/, the
// command under cmd/postes.
package postes

import "embed"

// Theme holds templates/ and static/ as shipped. A site's own templates/ and
// static/ override it file by file.
//
//go:embed all:templates static
var Theme embed.FS
