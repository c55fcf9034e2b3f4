# Suggestion time against the trial index, per suggester.
# Written by `parzen plot` from results/parity-cmaes-margin. Standalone: reads only files beside it and writes
# cost-growth.png beside it; run `gnuplot plots/NAME/cost-growth.gp` from anywhere or `gnuplot cost-growth.gp` in its folder.
script_dir = strlen(ARG0) > strlen('cost-growth.gp') ? ARG0[1:strlen(ARG0) - strlen('cost-growth.gp')] : ''
if (strlen(script_dir) > 0) { cd script_dir }
set terminal pngcairo size 900,600 enhanced font "DejaVu Sans,11"
set output 'cost-growth.png'
set encoding utf8

set title "Median suggestion time against the trial index\nbars: interquartile range; b: growth exponent over the last two doublings of n\nmeasured while the cells ran: depends on the machine" noenhanced
set xlabel "trial index n"
set ylabel "seconds per suggestion"
set logscale xy 10
set format y "10^{%L}"
set xrange [0.8:238.48480035423643]
set yrange [5.858283927098453e-07:0.0032767236976120316]
set grid xtics ytics lc rgb "#dddddd"
set key outside right top box opaque noenhanced width 2
data = 'cost-growth.dat'
plot data index 0 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 lc rgb '#1f77b4' pt 7 ps 0.8 title 'cmaes-margin (b = -0.01)', \
     data index 1 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 lc rgb '#ff7f0e' pt 5 ps 0.8 title 'optuna-cmaes-margin (b = 0.06)'
