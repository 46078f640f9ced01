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
const formatVersion = 2

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
type Cache struct {
	file string
	mu   sync.Mutex
	old  map[Key][]byte // read from disk
	cur  map[Key][]byte // used or added in this run: what is saved
}

type onDisk struct {
	Build   string
	Entries map[Key][]byte
}

// Open loads the cache of the project rooted at root from dir (the user cache
// directory when dir is ""). A missing or unreadable cache is an empty one.
func Open(dir, root string) *Cache {
	if dir == "" {
		if d, err := os.UserCacheDir(); err == nil {
			dir = filepath.Join(d, "sflint")
		}
	}
	sum := sha256.Sum256([]byte(root))
	c := &Cache{
		file: filepath.Join(dir, hex.EncodeToString(sum[:12])+".gob"),
		old:  map[Key][]byte{},
		cur:  map[Key][]byte{},
	}
	data, err := os.ReadFile(c.file)
	if err != nil {
		return c
	}
	var d onDisk
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&d) == nil && d.Build == build() {
		c.old = d.Entries
	}
	return c
}

// Get decodes the entry for k into v and reports whether there was one.
func (c *Cache) Get(k Key, v any) bool {
	c.mu.Lock()
	data, ok := c.old[k]
	c.mu.Unlock()
	if !ok || gob.NewDecoder(bytes.NewReader(data)).Decode(v) != nil {
		return false
	}
	c.mu.Lock()
	c.cur[k] = data
	c.mu.Unlock()
	return true
}

// Put stores v for k.
func (c *Cache) Put(k Key, v any) {
	var b bytes.Buffer
	if gob.NewEncoder(&b).Encode(v) != nil {
		return
	}
	c.mu.Lock()
	c.cur[k] = b.Bytes()
	c.mu.Unlock()
}

// Save writes the entries used or added in this run, dropping those of files
// that are gone or changed. Failing to save is not an error for the run.
func (c *Cache) Save() error {
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
	if err := gob.NewEncoder(&b).Encode(onDisk{Build: build(), Entries: entries}); err != nil {
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
