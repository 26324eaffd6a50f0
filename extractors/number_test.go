package extractors

import (
	"math"
	"math/big"
	"strconv"
	"testing"
	"unicode/utf8"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" means an error is expected
		over bool
	}{
		{"559", "559", false},
		{"9.4", "9.4", false},
		{"87.5", "87.5", false},
		{"１２３", "123", false},
		{"１２．５", "12.5", false},
		{"1,234", "1234", false},
		{"12,345,678.5", "12345678.5", false},
		{"12.5亿", "1250000000", false},
		{"7.17亿", "717000000", false},
		{"21.69亿", "2169000000", false},
		{"1.6万", "16000", false},
		{"1.6万余", "16000", true},
		{"2700余万", "27000000", true},
		{"4000 余万", "40000000", true},
		{"2600 余万", "26000000", true},
		{"3万余", "30000", true},
		{"500多", "500", true},
		{"5亿多", "500000000", true},
		{"2.5万亿", "2500000000000", false},
		{"5千万", "50000000", false},
		{"0.5", "0.5", false},
		{"100.00", "100", false},
		{"二百一十四", "214", false},
		{"一点六万", "16000", false},
		// a decimal point right after a unit character: the fraction is of
		// the ones (十点五 is 10.5, written like 十二点五)
		{"十点五", "10.5", false},
		{"二十点五", "20.5", false},
		{"一百点五", "100.5", false},
		{"十点零五", "10.05", false},
		{"三百二十点七五", "320.75", false},
		{"一十点五", "10.5", false},
		{"十點五", "10.5", false},
		{"十点五万", "105000", false},
		{"二十点五亿", "2050000000", false},
		{"廿点五", "20.5", false},
		{"十点五十", "", false}, // a time of day (十点五十分), not a number
		{"十点", "", false},
		{"十点五点三", "", false},
		{"百点五", "100.5", false},
		{"百点五十", "", false},
		{"一千点五百", "", false},
		{"两千余万", "20000000", true},
		{"十", "10", false},
		{"十五", "15", false},
		{"二十", "20", false},
		{"一百零五", "105", false},
		{"一千零二十", "1020", false},
		{"二〇二二", "2022", false},
		{"〇", "0", false},
		{"零", "0", false},
		{"三亿五千万", "350000000", false},
		{"一万亿", "1000000000000", false},
		{"一亿二千万", "120000000", false},
		{"一万二", "12000", false},
		{"一百二", "120", false},
		{"一百二十", "120", false},
		{"百万", "1000000", false},
		{"四十二万五千", "425000", false},
		{"三点一四", "3.14", false},
		{"壹佰贰拾", "120", false},
		{"", "", false},
		{"万", "", false},
		{"亿", "", false},
		{"余", "", false},
		{"余5", "", false},
		{"5余余", "", false},
		{"1,23", "", false},
		{"1234,567", "", false},
		{"1.", "", false},
		{"1.2.3", "", false},
		{"1 000", "1000", false},
		{"12 500 000", "12500000", false},
		{"1 00", "", false},
		{"1234 567", "", false},
		{"四点七", "4.7", false},
		{"四點七", "4.7", false},
		{"二．六", "2.6", false},
		{"三.五", "3.5", false},
		{"十一", "11", false},
		{"廿", "20", false},
		{"廿四", "24", false},
		{"卅五点五三亿", "3553000000", false},
		{"卅五點五三億", "", false}, // 億 is traditional: t2s runs before extraction
		{"卌", "40", false},
		{"一亿五千七百万", "157000000", false},
		{"一七四三", "1743", false},
		{"二〇二八", "2028", false},
		{"四．八五余亿", "485000000", true},
		{"2,520", "2520", false},
		{"２，５２０", "2520", false},
		{"２，５２", "", false},
		{"2，520", "", false},
		{"１２０", "120", false},
		{"５千７百万", "57000000", false},
		{"26亿5,636万", "2656360000", false},
		{"五千七百多万", "57000000", true},
		{"二点", "", false},
		{"十百", "", false},
		{"万万", "", false},
		{"abc", "", false},
		{"点五", "", false},
		{"5%", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseNumber(tt.in)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("ParseNumber(%q) = %q, want error", tt.in, got.Text)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseNumber(%q): %v", tt.in, err)
			}
			if got.Text != tt.want || got.Over != tt.over {
				t.Fatalf("ParseNumber(%q) = %q over=%v, want %q over=%v", tt.in, got.Text, got.Over, tt.want, tt.over)
			}
			want, _ := strconv.ParseFloat(tt.want, 64)
			if got.Value != want {
				t.Fatalf("ParseNumber(%q).Value = %v, want %v", tt.in, got.Value, want)
			}
		})
	}
}

// The DOUBLE must come from the exact decimal, not from float arithmetic.
func TestParseNumberExactDouble(t *testing.T) {
	n, err := ParseNumber("12.5亿")
	if err != nil {
		t.Fatal(err)
	}
	if n.Value != 1250000000 || n.Text != "1250000000" {
		t.Fatalf("12.5亿 = %v (%s)", n.Value, n.Text)
	}
	// float arithmetic would give 0.30000000000000004 here
	n, err = ParseNumber("0.1")
	if err != nil {
		t.Fatal(err)
	}
	if r := n.Rat(); r.RatString() != "1/10" {
		t.Fatalf("0.1 as rat = %s", r.RatString())
	}
}

// The fast path agrees with the general parser on every numeral it takes.
func TestPlainDecimalMatchesGeneral(t *testing.T) {
	for _, s := range []string{"0", "7", "559", "9.4", "0.5", "100.00", "12.5亿", "0.0126亿", "1.6万", "2.5万亿",
		"007", "0.000", "123456789012345678", "3.14159万", "1.23456789亿", "0.00001万亿",
		"50余", "300多", "4000余万", "300多亿", "1.5余万", "0余", "10多万亿"} {
		fast, ok := parsePlainDecimal(s)
		if !ok {
			t.Fatalf("fast path refused %q", s)
		}
		toks, err := lexNumeral(s)
		if err != nil {
			t.Fatalf("lex %q: %v", s, err)
		}
		r, over, err := evalNumeral[ratNum](toks)
		if err != nil {
			t.Fatalf("eval %q: %v", s, err)
		}
		slow, err := newNumber(r.rat(), over)
		if err != nil {
			t.Fatal(err)
		}
		if fast != slow {
			t.Errorf("%q: fast %+v, general %+v", s, fast, slow)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"12.5亿", "4000 余万", "二百一十四", "一点六万", "两千余万", "1,234.5", "１２．５", "一万二", "〇", "9999999999999999999999亿亿亿", "1 000", "卅五点五三亿", "二．六", "廿四", "四點七", "十点五", "百点五十", "二十点五亿"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumber(s)
		if err != nil {
			return
		}
		if math.IsNaN(n.Value) || math.IsInf(n.Value, 0) {
			t.Fatalf("ParseNumber(%q) = %v", s, n.Value)
		}
		if !utf8.ValidString(n.Text) || n.Text == "" {
			t.Fatalf("ParseNumber(%q) text %q", s, n.Text)
		}
		v, err := strconv.ParseFloat(n.Text, 64)
		if err != nil || v != n.Value {
			t.Fatalf("ParseNumber(%q): text %q does not give value %v", s, n.Text, n.Value)
		}
		// the fast path, where it applies, gives what the general parser does
		if fast, ok := parsePlainDecimal(s); ok {
			if toks, err := lexNumeral(s); err == nil {
				if r, over, err := evalNumeral[ratNum](toks); err == nil {
					if slow, err := newNumber(r.rat(), over); err == nil && slow != fast {
						t.Fatalf("%q: fast %+v, general %+v", s, fast, slow)
					}
				}
			}
		}
		checkFixedMatchesRat(t, s)
	})
}

// checkFixedMatchesRat: ParseNumber, which evaluates in integers first,
// gives what evaluating in exact rationals alone gives, and fails where
// that fails.
func checkFixedMatchesRat(t *testing.T, s string) {
	t.Helper()
	got, gerr := ParseNumber(s)
	want, werr := refParseNumber(s)
	if (gerr != nil) != (werr != nil) || got != want {
		t.Errorf("ParseNumber(%q) = %+v, %v; in rationals %+v, %v", s, got, gerr, want, werr)
	}
}

// refParseNumber is ParseNumber with exact rationals only, as it was first
// written.
func refParseNumber(s string) (Number, error) {
	if n, ok := parsePlainDecimal(s); ok {
		return n, nil
	}
	if utf8.RuneCountInString(s) > maxNumeralRunes {
		return Number{}, errNotNumber
	}
	toks, err := lexNumeral(s)
	if err != nil {
		return Number{}, err
	}
	r, over, err := evalNumeral[ratNum](toks)
	if err != nil {
		return Number{}, err
	}
	if r.bad {
		return Number{}, errNotNumber
	}
	return newNumber(r.rat(), over)
}

// TestFixedMatchesRat runs the two evaluations over numerals of every
// shape the lexer takes, including ones that overflow 64 bits.
func TestFixedMatchesRat(t *testing.T) {
	for _, s := range []string{"二百一十四", "一点六万", "两千余万", "1,234.5", "１２．５", "一万二", "〇", "零", "十点零五",
		"9999999999999999999999亿亿亿", "18446744073709551615", "18446744073709551616", "1844674407370955161.6万",
		"0.00000000000000000001", "12345678901234567890.1234567", "一亿二千万", "三亿五千万", "卅五点五三亿",
		"四．八五余亿", "26亿5,636万", "五千七百多万", "一万亿", "百万", "一千零二十", "十点五万", "二十点五亿",
		"万万", "十百", "余5", "5余余", "亿", "九九九九九九九九九九九九九九九九九九九九亿亿", "一百二", "0.5万", "０．０５亿"} {
		checkFixedMatchesRat(t, s)
	}
}

// Figures written with a unit character before the decimal point read as
// the same figures in digits (十点五公里 is 10.5 km).
func TestChineseDecimalAfterUnit(t *testing.T) {
	checkValues(t, []valueCase{
		{"兴建一条全长约十点五公里的道路，连接新发展区。", []float64{10.5}},
		{"今年完成农村公路改造二十点五公里。", []float64{20.5}},
		{"该项目总投资三十点八亿元，其中中央补助十点五亿元。", []float64{3.08e9, 1.05e9}},
		{"全線拓寬工程全長一百點二公里，明年完工。", []float64{100.2}},
		{"办理时限由二十个工作日压缩至十点五个工作日。", []float64{47.5}},
		// 十点五十分 is a time of day
		{"上午十点五十分，新建公路12公里的通车仪式开始。", []float64{12}},
	})
}

// TestExactHelpersMatchRat checks cutOrder, percentDrop and times, which
// work in integers where the numbers fit, against exact rationals.
func TestExactHelpersMatchRat(t *testing.T) {
	nums := []string{"0", "1", "3", "7", "15", "20", "0.5", "0.125", "2.5", "100", "99.99995", "0.00001",
		"123456789012345678", "18446744073709551615", "18446744073709551616", "12345678901234567890.5",
		"0.000000000000000000001", "1000000000000", "33.3333", "66.66665", "64", "63", "128", "127", "256"}
	for _, a := range nums {
		for _, b := range nums {
			from, to := Number{Text: a}, Number{Text: b}
			fr, tr := from.Rat(), to.Rat()
			want := fr.Sign() > 0 && tr.Sign() >= 0 && tr.Cmp(fr) < 0
			if got := cutOrder(from, to); got != want {
				t.Errorf("cutOrder(%s, %s) = %v, want %v", a, b, got, want)
			}
			if !want {
				continue
			}
			pct := new(big.Rat).Sub(fr, tr)
			pct.Quo(pct, fr)
			pct.Mul(pct, big.NewRat(100, 1))
			wantN, werr := roundedNumber(pct, 4)
			gotN, gerr := percentDrop(from, to)
			if gotN != wantN || (gerr != nil) != (werr != nil) {
				t.Errorf("percentDrop(%s, %s) = %+v, %v; want %+v, %v", a, b, gotN, gerr, wantN, werr)
			}
		}
		for _, k := range []int64{1, 10000, 100000000, 1 << 40} {
			wantN, werr := newNumber(new(big.Rat).Mul(Number{Text: a}.Rat(), big.NewRat(k, 1)), false)
			gotN, gerr := Number{Text: a}.times(k)
			if gotN != wantN || (gerr != nil) != (werr != nil) {
				t.Errorf("%s times %d = %+v, %v; want %+v, %v", a, k, gotN, gerr, wantN, werr)
			}
		}
	}
}

// TestNumeralRuneTable: the table isNumeralRune reads says what the
// rules say, for every character.
func TestNumeralRuneTable(t *testing.T) {
	for r := rune(-1); r <= utf8.MaxRune+1; r++ {
		if got, want := isNumeralRune(r), numeralRune(r); got != want {
			t.Errorf("isNumeralRune(%U) = %v, want %v", r, got, want)
		}
	}
}
