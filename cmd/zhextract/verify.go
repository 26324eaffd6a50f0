package main

import (
	"github.com/spf13/cobra"

	"github.com/zhextract/zhextract/pipeline/verify"
)

const verifyLong = `Compares the figures (and with --text the clean text) of the run output in
OUTPUT (Parquet or JSONL) with a golden set: one JSON file per document.
--update writes the golden set from OUTPUT instead.

Exit codes: 0 when they match, 1 on any difference, 2 on errors (a bad
command line too).`

func newVerifyCmd() *cobra.Command {
	var cfg verify.Config
	cmd := &cobra.Command{
		Use:     "verify [flags] OUTPUT",
		Short:   "Compare a run's figures with a golden set",
		Long:    verifyLong,
		Example: "  zhextract verify --golden testdata/qa-golden out",
		Args:    exactArgs(1, "OUTPUT directory"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ok, err := verify.Run(cmd.Context(), args[0], cfg, cmd.OutOrStdout())
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			if !ok {
				return &exitError{code: exitFailure}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&cfg.Golden, "golden", "golden", "golden `DIR`, one JSON file per document")
	f.BoolVar(&cfg.Text, "text", false, "compare the clean text too (with --update: store it)")
	f.Float64Var(&cfg.Tolerance, "tolerance", 0, "relative tolerance for values: 0.001 accepts 0.1%")
	f.BoolVar(&cfg.Update, "update", false, "write the golden set from OUTPUT")
	return cmd
}
