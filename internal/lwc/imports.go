package lwc

import "strings"

// apexImport matches import Local from 'module' at token i, the import
// keyword, and keeps it when the module is an Apex method.
func (s *scanner) apexImport(i int) {
	if s.is(i-1, kPunct, ".") || !s.isKind(i+1, kIdent) || !s.is(i+2, kIdent, "from") ||
		!s.isKind(i+3, kString) {
		return
	}
	mod := s.toks[i+3]
	imp := ApexImport{Local: s.text(i + 1), Module: mod.value, Pos: mod.pos}
	var path string
	switch {
	case strings.HasPrefix(mod.value, ApexPrefix):
		path = mod.value[len(ApexPrefix):]
	case strings.HasPrefix(mod.value, ApexContinuationPrefix):
		path = mod.value[len(ApexContinuationPrefix):]
		imp.Continuation = true
	default:
		return
	}
	splitApexPath(&imp, path)
	s.out.Imports = append(s.out.Imports, imp)
}

// splitApexPath fills in the class and method of Class.method or
// ns.Class.method. A path of any other shape leaves them empty; the import is
// still reported, with its Module, so that a rule can flag it.
func splitApexPath(imp *ApexImport, path string) {
	parts := strings.Split(path, ".")
	switch len(parts) {
	case 2:
		imp.Class, imp.Method = parts[0], parts[1]
	case 3:
		imp.Namespace, imp.Class, imp.Method = parts[0], parts[1], parts[2]
	}
}
