package eforms

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// chkMemFS reads a directory tree into memory, so that LoadSDK can be
// timed without the disk.
func chkMemFS(b *testing.B, dir string) fstest.MapFS {
	b.Helper()
	m := fstest.MapFS{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		// What LoadSDK reads: skip schemas, examples and the Schematron
		// files other than stage 3b (53 MB in all).
		switch {
		case filepath.Dir(rel) == "fields", filepath.Dir(rel) == "notice-types", filepath.Dir(rel) == "codelists",
			rel == sdkStage3b:
		default:
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		m[rel] = &fstest.MapFile{Data: data}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return m
}

// BenchmarkLoadSDK times LoadSDK on the real SDK 1.15.1: from disk, and
// from memory (parsing alone: fields.json 2 MB, the 100 code lists the
// fields use, 5.4 MB, and the inline CPV and NUTS lists of stage 3b).
func BenchmarkLoadSDK(b *testing.B) {
	dir := chkSDKDir(chkShared(b))
	b.Run("disk", func(b *testing.B) {
		fsys := os.DirFS(dir)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := LoadSDK(fsys); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("memory", func(b *testing.B) {
		fsys := chkMemFS(b, dir)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := LoadSDK(fsys); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkCheck times Check of one notice with the real SDK: the small
// French contract notice of the shared validator, and a generated award
// notice when the generator's golden exists. "reload" is what a caller
// who loads the SDK for every notice pays; keep the *SDK instead. (The
// official validator, a JVM with Saxon, takes about 5 s for one notice
// and 0.1 to 0.4 s per further notice of the same call: eforms-notes.md
// §7; TestCheckMutations runs 420 notices in one call in about 35 s.)
func BenchmarkCheck(b *testing.B) {
	shared := chkShared(b)
	s := chkSDK(b)
	notices := map[string][]byte{"cn16-fr-local-authority": chkBaseNotice(b)}
	if data, err := os.ReadFile(filepath.Join("testdata", "can29_sample_two_lots.xml")); err == nil {
		notices["can29-sample-two-lots"] = data
	}
	for _, name := range []string{"cn16-fr-local-authority", "can29-sample-two-lots"} {
		data, ok := notices[name]
		if !ok {
			continue
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.Check(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("cn16-fr-local-authority/reload", func(b *testing.B) {
		fsys := os.DirFS(chkSDKDir(shared))
		data := notices["cn16-fr-local-authority"]
		b.ReportAllocs()
		for b.Loop() {
			s, err := LoadSDK(fsys)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := s.Check(data); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkCheckMini times Check with the miniature SDK (no shared folder
// needed): the cost of reading the XML and walking a dozen fields.
func BenchmarkCheckMini(b *testing.B) {
	s := chkMini(b)
	data := []byte(chkMiniNotice(b))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Check(data); err != nil {
			b.Fatal(err)
		}
	}
}
