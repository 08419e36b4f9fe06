package main

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/openmarches/marches/internal/eformstest"
)

// eformsMiniSDK writes the miniature eForms SDK of procurement/eforms's
// tests into a temporary directory and returns it, to be given to --sdk.
//
// This is a hand-written miniature, a test fixture, not SDK files: it
// follows the layout of the eForms SDK 1.15.1 and has a dozen fields of a
// contract notice (subtype 16) whose ids, XPaths and parent nodes are
// those of SDK 1.15.1, with a made-up version string ("eforms-sdk-mini"),
// simplified patterns and conditions and code lists cut down to a few
// codes (internal/eformstest, shared with procurement/eforms's tests).
func eformsMiniSDK(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for name, f := range eformsMiniSDKFS() {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// eformsMiniSDKFS returns the files of the miniature SDK of
// internal/eformstest.
func eformsMiniSDKFS() fstest.MapFS { return eformstest.MiniSDK() }
