# mixed: convergence of the best-so-far regret.
# Written by `parzen plot` from results/parity-cmaes-margin. Standalone: reads only files beside it and writes
# mixed-convergence.png beside it; run `gnuplot plots/NAME/mixed-convergence.gp` from anywhere or `gnuplot mixed-convergence.gp` in its folder.
script_dir = strlen(ARG0) > strlen('mixed-convergence.gp') ? ARG0[1:strlen(ARG0) - strlen('mixed-convergence.gp')] : ''
if (strlen(script_dir) > 0) { cd script_dir }
set terminal pngcairo size 900,600 enhanced font "DejaVu Sans,11"
set output 'mixed-convergence.png'
set encoding utf8

set title "mixed: median regret and interquartile band (200 replicates)" noenhanced
set xlabel "evaluations"
set ylabel "best-so-far regret (f - f*)"
set logscale x 10
set logscale y 10
set format y "10^{%L}"
set xrange [1:200]
set grid xtics ytics mytics lc rgb "#dddddd"
set key outside right top box opaque noenhanced width 2
set style fill transparent solid 0.18 noborder
data = 'mixed-convergence.dat'
plot data using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
     data using 1:6:7 with filledcurves lc rgb '#ff7f0e' notitle, \
     data using 1:2 with steps lw 2.0 dt 1 lc rgb '#1f77b4' title 'cmaes-margin', \
     data using 1:5 with steps lw 2.0 dt 1 lc rgb '#ff7f0e' title 'optuna-cmaes-margin'
