// Package starter embeds the starter clausier of marches: a French clause
// library for a software maintenance, operations and hosting contract
// (SaaS) of a local authority, with its règlement de la consultation (RC),
// cahier des clauses administratives particulières (CCAP) and acte
// d'engagement (AE). The clause texts were written for this project.
//
// Load it with clauses.Load(starter.FS()), or use clauses.Starter.
package starter

import (
	"embed"
	"io/fs"
)

//go:embed manifest.json rc ccap ae
var files embed.FS

// FS returns the library's files: manifest.json and the clause files under
// rc/, ccap/ and ae/. The file system is read-only and safe for concurrent
// use.
func FS() fs.FS { return files }
