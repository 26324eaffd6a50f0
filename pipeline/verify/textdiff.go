package verify

// TextDiff summarizes how an output text differs from the golden text, line
// by line.
type TextDiff struct {
	GoldenLines, OutputLines int
	Removed, Added           int // lines
	// Hunks holds the first few runs of changed lines, for printing.
	Hunks []Hunk
	// Coarse is set when the texts were too different in size to align
	// line by line: the whole differing middle counts as replaced.
	Coarse bool
}

// Hunk is a run of changed lines; line numbers count from 1.
type Hunk struct {
	GoldenLine, OutputLine int
	Lines                  []DiffLine
}

// DiffLine is a removed ('-') or added ('+') line.
type DiffLine struct {
	Op   byte
	Text string
}

const (
	maxHunks      = 3
	maxHunkLines  = 6
	maxAlignCells = 4_000_000 // LCS table cells; beyond that the diff is coarse
)

// diffLines returns nil when the texts are equal.
func diffLines(a, b []string) *TextDiff {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	if pre == len(a) && pre == len(b) {
		return nil
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	td := &TextDiff{GoldenLines: len(a), OutputLines: len(b)}
	var ops []byte // '=', '-', '+' over the middle
	if len(ma)*len(mb) <= maxAlignCells {
		ops = lcsOps(ma, mb)
	} else {
		td.Coarse = true
		for range ma {
			ops = append(ops, '-')
		}
		for range mb {
			ops = append(ops, '+')
		}
	}
	ia, ib := pre, pre
	var cur *Hunk
	for _, op := range ops {
		switch op {
		case '=':
			ia++
			ib++
			cur = nil
			continue
		case '-':
			td.Removed++
		case '+':
			td.Added++
		}
		if cur == nil && len(td.Hunks) < maxHunks {
			td.Hunks = append(td.Hunks, Hunk{GoldenLine: ia + 1, OutputLine: ib + 1})
			cur = &td.Hunks[len(td.Hunks)-1]
		}
		if cur != nil && len(cur.Lines) < maxHunkLines {
			text := ""
			if op == '-' {
				text = a[ia]
			} else {
				text = b[ib]
			}
			cur.Lines = append(cur.Lines, DiffLine{op, text})
		}
		if op == '-' {
			ia++
		} else {
			ib++
		}
	}
	return td
}

// lcsOps aligns a and b by a longest common subsequence of lines.
func lcsOps(a, b []string) []byte {
	n, m := len(a), len(b)
	// t[i][j] is the LCS length of a[i:] and b[j:].
	t := make([]int32, (n+1)*(m+1))
	at := func(i, j int) int32 { return t[i*(m+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			v := at(i+1, j)
			if w := at(i, j+1); w > v {
				v = w
			}
			if a[i] == b[j] {
				v = max(v, at(i+1, j+1)+1)
			}
			t[i*(m+1)+j] = v
		}
	}
	ops := make([]byte, 0, n+m)
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j] && at(i, j) == at(i+1, j+1)+1:
			ops = append(ops, '=')
			i++
			j++
		case at(i+1, j) >= at(i, j+1):
			ops = append(ops, '-')
			i++
		default:
			ops = append(ops, '+')
			j++
		}
	}
	for ; i < n; i++ {
		ops = append(ops, '-')
	}
	for ; j < m; j++ {
		ops = append(ops, '+')
	}
	return ops
}
