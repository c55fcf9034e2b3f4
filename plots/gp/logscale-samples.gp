# logscale: where each suggester sampled (replicate 0).
# Written by `parzen plot` from results/gp. Standalone: reads only files beside it and writes
# logscale-samples.png beside it; run `gnuplot plots/NAME/logscale-samples.gp` from anywhere or `gnuplot logscale-samples.gp` in its folder.
script_dir = strlen(ARG0) > strlen('logscale-samples.gp') ? ARG0[1:strlen(ARG0) - strlen('logscale-samples.gp')] : ''
if (strlen(script_dir) > 0) { cd script_dir }
set terminal pngcairo size 1680,730 enhanced font "DejaVu Sans,10"
set output 'logscale-samples.png'
set encoding utf8

fgrid = 'logscale-grid.dat'
data = 'logscale-samples.dat'
set xrange [-6.0:0.0]
set xlabel 'log10(lr)' noenhanced
set grid lc rgb "#e0e0e0"
unset key
set ylabel 'f(lr)' noenhanced
set multiplot layout 2,4 title "logscale: the 100 points each suggester evaluated (replicate 0) on the curve of f" noenhanced
set title 'gp' noenhanced textcolor rgb '#1f77b4'
plot fgrid using 1:2 with lines lw 1.5 lc rgb '#888888', \
     data index 0 using 2:3 with points pt 7 ps 0.9 lc rgb '#1f77b4', \
     data index 0 using 2:3 with points pt 6 ps 0.9 lc rgb '#000000'
set title 'tpe' noenhanced textcolor rgb '#ff7f0e'
plot fgrid using 1:2 with lines lw 1.5 lc rgb '#888888', \
     data index 1 using 2:3 with points pt 7 ps 0.9 lc rgb '#ff7f0e', \
     data index 1 using 2:3 with points pt 6 ps 0.9 lc rgb '#000000'
set title 'tpe-optuna' noenhanced textcolor rgb '#2ca02c'
plot fgrid using 1:2 with lines lw 1.5 lc rgb '#888888', \
     data index 2 using 2:3 with points pt 7 ps 0.9 lc rgb '#2ca02c', \
     data index 2 using 2:3 with points pt 6 ps 0.9 lc rgb '#000000'
set title 'random' noenhanced textcolor rgb '#d62728'
plot fgrid using 1:2 with lines lw 1.5 lc rgb '#888888', \
     data index 3 using 2:3 with points pt 7 ps 0.9 lc rgb '#d62728', \
     data index 3 using 2:3 with points pt 6 ps 0.9 lc rgb '#000000'
set title 'bayesopt-gp' noenhanced textcolor rgb '#9467bd'
plot fgrid using 1:2 with lines lw 1.5 lc rgb '#888888', \
     data index 4 using 2:3 with points pt 7 ps 0.9 lc rgb '#9467bd', \
     data index 4 using 2:3 with points pt 6 ps 0.9 lc rgb '#000000'
unset multiplot
