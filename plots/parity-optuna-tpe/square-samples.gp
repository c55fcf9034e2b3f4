# square: where each suggester sampled (replicate 0).
# Written by `parzen plot` from results/parity-optuna-tpe. Standalone: reads only files beside it and writes
# square-samples.png beside it; run `gnuplot plots/NAME/square-samples.gp` from anywhere or `gnuplot square-samples.gp` in its folder.
script_dir = strlen(ARG0) > strlen('square-samples.gp') ? ARG0[1:strlen(ARG0) - strlen('square-samples.gp')] : ''
if (strlen(script_dir) > 0) { cd script_dir }
set terminal pngcairo size 1680,390 enhanced font "DejaVu Sans,10"
set output 'square-samples.png'
set encoding utf8

fgrid = 'square-grid.dat'
data = 'square-samples.dat'
set xrange [-5.0:5.0]
set xlabel 'x' noenhanced
set grid lc rgb "#e0e0e0"
unset key
set ylabel 'f(x)' noenhanced
set multiplot layout 1,4 title "square: the 200 points each suggester evaluated (replicate 0) on the curve of f" noenhanced
set title 'tpe-optuna' noenhanced textcolor rgb '#1f77b4'
plot fgrid using 1:2 with lines lw 1.5 lc rgb '#888888', \
     data index 0 using 2:3 with points pt 7 ps 0.9 lc rgb '#1f77b4', \
     data index 0 using 2:3 with points pt 6 ps 0.9 lc rgb '#000000'
set title 'optuna-tpe' noenhanced textcolor rgb '#ff7f0e'
plot fgrid using 1:2 with lines lw 1.5 lc rgb '#888888', \
     data index 1 using 2:3 with points pt 7 ps 0.9 lc rgb '#ff7f0e', \
     data index 1 using 2:3 with points pt 6 ps 0.9 lc rgb '#000000'
set title 'tpe-optuna-independent' noenhanced textcolor rgb '#2ca02c'
plot fgrid using 1:2 with lines lw 1.5 lc rgb '#888888', \
     data index 2 using 2:3 with points pt 7 ps 0.9 lc rgb '#2ca02c', \
     data index 2 using 2:3 with points pt 6 ps 0.9 lc rgb '#000000'
set title 'optuna-tpe-independent' noenhanced textcolor rgb '#d62728'
plot fgrid using 1:2 with lines lw 1.5 lc rgb '#888888', \
     data index 3 using 2:3 with points pt 7 ps 0.9 lc rgb '#d62728', \
     data index 3 using 2:3 with points pt 6 ps 0.9 lc rgb '#000000'
unset multiplot
