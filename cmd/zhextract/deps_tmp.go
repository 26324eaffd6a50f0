package main
import (
 _ "golang.org/x/text/encoding/simplifiedchinese"
 _ "github.com/go-ego/gse"
 _ "github.com/PuerkitoBio/goquery"
 _ "github.com/parquet-go/parquet-go"
 _ "github.com/mozillazg/go-pinyin"
 _ "golang.org/x/term"
)
func main(){}
