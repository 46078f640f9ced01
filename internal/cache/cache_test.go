package cache

import (
	"bytes"
	"encoding/gob"
	"os"
	"path/filepath"
	"testing"
	"time"
)

type entry struct{ Text string }

func stat(t *testing.T, p string) os.FileInfo {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi
}

func TestRoundTripAndInvalidation(t *testing.T) {
	dir, root := t.TempDir(), t.TempDir()
	file := filepath.Join(root, "a.xml")
	if err := os.WriteFile(file, []byte("one"), 0o644); err != nil {
		t.Fatal(err)
	}
	k := KeyOf("a.xml", stat(t, file))
	c := Open[entry](dir, root)
	if _, ok := c.Get(k); ok {
		t.Fatal("an empty cache has no entry")
	}
	c.Put(k, entry{"one"})
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	c = Open[entry](dir, root)
	if got, ok := c.Get(k); !ok || got.Text != "one" {
		t.Fatalf("got %+v", got)
	}
	// Same size, same modification time: the change time still differs.
	mod := stat(t, file).ModTime()
	time.Sleep(10 * time.Millisecond)
	if err := os.WriteFile(file, []byte("two"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(file, mod, mod); err != nil {
		t.Fatal(err)
	}
	if k2 := KeyOf("a.xml", stat(t, file)); k2 == k {
		t.Error("a rewritten file must have a new key")
	} else if _, ok := c.Get(k2); ok {
		t.Error("a rewritten file must miss the cache")
	}
}

func TestSaveDropsStaleEntries(t *testing.T) {
	dir, root := t.TempDir(), t.TempDir()
	c := Open[entry](dir, root)
	c.Put(Key{Path: "gone"}, entry{"x"})
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	c = Open[entry](dir, root)
	c.Put(Key{Path: "new"}, entry{"y"})
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	c = Open[entry](dir, root)
	_, gone := c.Get(Key{Path: "gone"})
	_, added := c.Get(Key{Path: "new"})
	if gone || !added {
		t.Error("only entries used or added in the last run are kept")
	}
}

func TestCorruptCacheIsEmpty(t *testing.T) {
	dir, root := t.TempDir(), t.TempDir()
	c := Open[entry](dir, root)
	if err := os.WriteFile(c.file, []byte("garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := Open[entry](dir, root).Get(Key{Path: "x"}); ok {
		t.Error("a corrupt cache must read as empty")
	}
}

// TestOtherBuildIsIgnored keeps a cache written by another build of sflint
// from being read: what it holds may have another shape or meaning.
func TestOtherBuildIsIgnored(t *testing.T) {
	dir, root := t.TempDir(), t.TempDir()
	c := Open[entry](dir, root)
	c.Put(Key{Path: "a"}, entry{"x"})
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	enc := gob.NewEncoder(&b)
	if err := enc.Encode("another build"); err != nil {
		t.Fatal(err)
	}
	if err := enc.Encode(map[Key]entry{{Path: "a"}: {"x"}}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(c.file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := Open[entry](dir, root).Get(Key{Path: "a"}); ok {
		t.Error("an entry of another build was read")
	}
}
