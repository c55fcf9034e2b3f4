# Runtime ECDF over all problems, one curve per suggester.
# Written by `parzen plot` from results/parity-cmaes-margin-check. Standalone: reads only files beside it and writes
# ecdf.png beside it; run `gnuplot plots/NAME/ecdf.gp` from anywhere or `gnuplot ecdf.gp` in its folder.
script_dir = strlen(ARG0) > strlen('ecdf.gp') ? ARG0[1:strlen(ARG0) - strlen('ecdf.gp')] : ''
if (strlen(script_dir) > 0) { cd script_dir }
set terminal pngcairo size 900,600 enhanced font "DejaVu Sans,11"
set output 'ecdf.png'
set encoding utf8

set title "Runtime ECDF over 1 problem: fraction of (problem, target) pairs reached\n51 targets per problem, log-spaced in regret from the median first-checkpoint regret to the best final regret" noenhanced
set xlabel "evaluations"
set ylabel "fraction of (problem, target) pairs reached"
set logscale x 10
set xrange [1:200]
set yrange [0:1]
set ytics 0,0.2,1
set grid xtics ytics lc rgb "#dddddd"
set key outside right top box opaque noenhanced width 2
data = 'ecdf.dat'
plot data using 1:2 with steps lw 2.0 dt 1 lc rgb '#1f77b4' title 'cmaes-margin', \
     data using 1:3 with steps lw 2.0 dt 1 lc rgb '#ff7f0e' title 'optuna-cmaes-margin'
