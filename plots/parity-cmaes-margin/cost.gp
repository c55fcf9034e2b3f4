# Suggestion time per trial against trials per run, per suggester.
# Written by `parzen plot` from results/parity-cmaes-margin. Standalone: reads only files beside it and writes
# cost.png beside it; run `gnuplot plots/NAME/cost.gp` from anywhere or `gnuplot cost.gp` in its folder.
script_dir = strlen(ARG0) > strlen('cost.gp') ? ARG0[1:strlen(ARG0) - strlen('cost.gp')] : ''
if (strlen(script_dir) > 0) { cd script_dir }
set terminal pngcairo size 900,600 enhanced font "DejaVu Sans,11"
set output 'cost.png'
set encoding utf8

set title "Suggestion time per trial against trials per run (one point per problem; bars: interquartile range over runs)\nmeasured while the cells ran: depends on the machine and its load" noenhanced
set xlabel "trials per run (N)"
set ylabel "seconds per suggestion"
set logscale y 10
set format y "10^{%L}"
unset logscale x
set xrange [180.0:220.0]
set yrange [8.966250000000001e-07:0.003212420645]
set grid xtics ytics lc rgb "#dddddd"
set key outside right top box opaque noenhanced width 2
data = 'cost.dat'
plot data index 0 using 1:2:3:4 with yerrorbars lc rgb '#1f77b4' pt 7 ps 1.2 title 'cmaes-margin', \
     data index 1 using 1:2:3:4 with yerrorbars lc rgb '#ff7f0e' pt 5 ps 1.2 title 'optuna-cmaes-margin'
