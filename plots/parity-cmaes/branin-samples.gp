# branin: where each suggester sampled (replicate 0).
# Written by `parzen plot` from results/parity-cmaes. Standalone: reads only files beside it and writes
# branin-samples.png beside it; run `gnuplot plots/NAME/branin-samples.gp` from anywhere or `gnuplot branin-samples.gp` in its folder.
script_dir = strlen(ARG0) > strlen('branin-samples.gp') ? ARG0[1:strlen(ARG0) - strlen('branin-samples.gp')] : ''
if (strlen(script_dir) > 0) { cd script_dir }
set terminal pngcairo size 840,450 enhanced font "DejaVu Sans,10"
set output 'branin-samples.png'
set encoding utf8

fgrid = 'branin-grid.dat'
data = 'branin-samples.dat'
set xrange [-5.0:10.0]
set xlabel 'x1' noenhanced
set grid lc rgb "#e0e0e0"
unset key
set yrange [0.0:15.0]
set ylabel 'x2' noenhanced
set palette defined (0 '#3a3a3a', 0.5 '#a8a8a8', 1 '#f4f4f4')
unset colorbox
set size ratio -1
set multiplot layout 1,2 title "branin: the 200 points each suggester evaluated (replicate 0); shading: log10 of f - f*, dark = low" noenhanced
set title 'cmaes' noenhanced textcolor rgb '#1f77b4'
plot fgrid using 1:2:3 with image, \
     data index 0 using 2:3 with points pt 7 ps 0.9 lc rgb '#1f77b4', \
     data index 0 using 2:3 with points pt 6 ps 0.9 lc rgb '#000000'
set title 'optuna-cmaes' noenhanced textcolor rgb '#ff7f0e'
plot fgrid using 1:2:3 with image, \
     data index 1 using 2:3 with points pt 7 ps 0.9 lc rgb '#ff7f0e', \
     data index 1 using 2:3 with points pt 6 ps 0.9 lc rgb '#000000'
unset multiplot
