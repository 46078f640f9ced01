// Package cache remembers what sflint read from each file between runs, so a
// pre-commit run on a large unchanged repository parses nothing again.
//
// An entry is keyed by the file's path and what stat says of it (size,
// modification and change times, inode): any write changes the change time,
// which no tool can set back, so a changed file is always read again. The
// whole cache of a project is one file in the user cache directory, replaced
// atomically, so concurrent runs never see a torn cache; the last writer wins.
// A cache written by another build of sflint is ignored.
package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"syscall"
)

// formatVersion changes whenever what is cached changes shape.
const formatVersion = 3

// Key identifies one state of one file.
type Key struct {
	Path         string
	Size         int64
	ModNano      int64
	ChangeNano   int64
	Inode, Devno uint64
}

// KeyOf builds the key of a file from its stat information.
func KeyOf(path string, fi fs.FileInfo) Key {
	k := Key{Path: path, Size: fi.Size(), ModNano: fi.ModTime().UnixNano()}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		k.ChangeNano = st.Ctim.Nano()
		k.Inode, k.Devno = st.Ino, uint64(st.Dev)
	}
	return k
}

// Cache holds the entries of one project. It is safe for concurrent use.
//
// The whole cache is one gob stream: encoding each entry on its own would
// repeat the type description in every entry and make decoding it cost more
// than parsing the file again.
type Cache[V any] struct {
	file string
	mu   sync.Mutex
	old  map[Key]V // read from disk
	cur  map[Key]V // used or added in this run: what is saved
}

// Open loads the cache of the project rooted at root from dir (the user cache
// directory when dir is ""). A missing, unreadable or corrupt cache, or one
// written by another build, is an empty one.
func Open[V any](dir, root string) *Cache[V] {
	if dir == "" {
		if d, err := os.UserCacheDir(); err == nil {
			dir = filepath.Join(d, "sflint")
		}
	}
	sum := sha256.Sum256([]byte(root))
	c := &Cache[V]{
		file: filepath.Join(dir, hex.EncodeToString(sum[:12])+".gob"),
		old:  map[Key]V{},
		cur:  map[Key]V{},
	}
	data, err := os.ReadFile(c.file)
	if err != nil {
		return c
	}
	dec := gob.NewDecoder(bytes.NewReader(data))
	var id string
	if dec.Decode(&id) != nil || id != build() {
		return c
	}
	var entries map[Key]V
	if dec.Decode(&entries) == nil {
		c.old = entries
	}
	return c
}

// Get returns the entry for k and whether there was one.
func (c *Cache[V]) Get(k Key) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.old[k]
	if ok {
		c.cur[k] = v
	}
	return v, ok
}

// Put stores v for k.
func (c *Cache[V]) Put(k Key, v V) {
	c.mu.Lock()
	c.cur[k] = v
	c.mu.Unlock()
}

// Save writes the entries used or added in this run, dropping those of files
// that are gone or changed. Failing to save is not an error for the run.
func (c *Cache[V]) Save() error {
	c.mu.Lock()
	unchanged := len(c.cur) == len(c.old)
	for k := range c.cur {
		if _, ok := c.old[k]; !ok {
			unchanged = false
			break
		}
	}
	entries := c.cur
	c.mu.Unlock()
	if unchanged {
		return nil
	}
	var b bytes.Buffer
	enc := gob.NewEncoder(&b)
	if err := enc.Encode(build()); err != nil {
		return err
	}
	if err := enc.Encode(entries); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(c.file), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(c.file), ".sflint-cache-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b.Bytes()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), c.file)
}

var build = sync.OnceValue(func() string {
	id := fmt.Sprintf("format %d", formatVersion)
	if bi, ok := debug.ReadBuildInfo(); ok {
		id += " " + bi.Main.Version
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				id += " " + s.Value
			}
		}
	}
	// A development build has no version: the executable itself tells
	// builds apart.
	if exe, err := os.Executable(); err == nil {
		if fi, err := os.Stat(exe); err == nil {
			id += fmt.Sprintf(" %d %d", fi.Size(), fi.ModTime().UnixNano())
		}
	}
	return id
})
