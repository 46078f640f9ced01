package cache

import (
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
	c := Open(dir, root)
	var got entry
	if c.Get(k, &got) {
		t.Fatal("an empty cache has no entry")
	}
	c.Put(k, entry{"one"})
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	c = Open(dir, root)
	if !c.Get(k, &got) || got.Text != "one" {
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
	if k2 := KeyOf("a.xml", stat(t, file)); k2 == k || c.Get(k2, &got) {
		t.Error("a rewritten file must miss the cache")
	}
}

func TestSaveDropsStaleEntries(t *testing.T) {
	dir, root := t.TempDir(), t.TempDir()
	c := Open(dir, root)
	c.Put(Key{Path: "gone"}, entry{"x"})
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	c = Open(dir, root)
	c.Put(Key{Path: "new"}, entry{"y"})
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	c = Open(dir, root)
	var e entry
	if c.Get(Key{Path: "gone"}, &e) || !c.Get(Key{Path: "new"}, &e) {
		t.Error("only entries used or added in the last run are kept")
	}
}

func TestCorruptCacheIsEmpty(t *testing.T) {
	dir, root := t.TempDir(), t.TempDir()
	c := Open(dir, root)
	if err := os.WriteFile(c.file, []byte("garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	var e entry
	if Open(dir, root).Get(Key{Path: "x"}, &e) {
		t.Error("a corrupt cache must read as empty")
	}
}
