# Suggestion time against the trial index, per suggester.
# Written by `parzen plot` from results/bbob. Standalone: reads only files beside it and writes
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
set xrange [0.8:1160.549438843516]
set yrange [6.426868974557954e-08:0.0013105686965156653]
set grid xtics ytics lc rgb "#dddddd"
set key outside right top box opaque noenhanced width 2
data = 'cost-growth.dat'
plot data index 0 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 lc rgb '#1f77b4' pt 7 ps 0.8 title 'grid (b = 0.17)', \
     data index 1 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 lc rgb '#ff7f0e' pt 5 ps 0.8 title 'random (b = 0.03)', \
     data index 2 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 lc rgb '#2ca02c' pt 9 ps 0.8 title 'tpe (b = 0.98)', \
     data index 3 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 lc rgb '#d62728' pt 11 ps 0.8 title 'anneal (b = 1.10)', \
     data index 4 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 lc rgb '#9467bd' pt 13 ps 0.8 title 'sobol (b = 0.02)', \
     data index 5 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 lc rgb '#8c564b' pt 7 ps 0.8 title 'halton (b = 0.02)', \
     data index 6 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 lc rgb '#e377c2' pt 5 ps 0.8 title 'cmaes (b = 0.03)', \
     data index 7 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 lc rgb '#7f7f7f' pt 9 ps 0.8 title 'tpe-optuna (b = 0.31)'
