# camel6: where each suggester sampled (replicate 0).
# Written by `parzen plot` from results/gp. Standalone: reads only files beside it and writes
# camel6-samples.png beside it; run `gnuplot plots/NAME/camel6-samples.gp` from anywhere or `gnuplot camel6-samples.gp` in its folder.
script_dir = strlen(ARG0) > strlen('camel6-samples.gp') ? ARG0[1:strlen(ARG0) - strlen('camel6-samples.gp')] : ''
if (strlen(script_dir) > 0) { cd script_dir }
set terminal pngcairo size 1680,850 enhanced font "DejaVu Sans,10"
set output 'camel6-samples.png'
set encoding utf8

fgrid = 'camel6-grid.dat'
data = 'camel6-samples.dat'
set xrange [-3.0:3.0]
set xlabel 'x1' noenhanced
set grid lc rgb "#e0e0e0"
unset key
set yrange [-2.0:2.0]
set ylabel 'x2' noenhanced
set palette defined (0 '#3a3a3a', 0.5 '#a8a8a8', 1 '#f4f4f4')
unset colorbox
set size ratio -1
set multiplot layout 2,4 title "camel6: the 100 points each suggester evaluated (replicate 0); shading: log10 of f - f*, dark = low" noenhanced
set title 'gp' noenhanced textcolor rgb '#1f77b4'
plot fgrid using 1:2:3 with image, \
     data index 0 using 2:3 with points pt 7 ps 0.9 lc rgb '#1f77b4', \
     data index 0 using 2:3 with points pt 6 ps 0.9 lc rgb '#000000'
set title 'tpe' noenhanced textcolor rgb '#ff7f0e'
plot fgrid using 1:2:3 with image, \
     data index 1 using 2:3 with points pt 7 ps 0.9 lc rgb '#ff7f0e', \
     data index 1 using 2:3 with points pt 6 ps 0.9 lc rgb '#000000'
set title 'tpe-optuna' noenhanced textcolor rgb '#2ca02c'
plot fgrid using 1:2:3 with image, \
     data index 2 using 2:3 with points pt 7 ps 0.9 lc rgb '#2ca02c', \
     data index 2 using 2:3 with points pt 6 ps 0.9 lc rgb '#000000'
set title 'random' noenhanced textcolor rgb '#d62728'
plot fgrid using 1:2:3 with image, \
     data index 3 using 2:3 with points pt 7 ps 0.9 lc rgb '#d62728', \
     data index 3 using 2:3 with points pt 6 ps 0.9 lc rgb '#000000'
set title 'bayesopt-gp' noenhanced textcolor rgb '#9467bd'
plot fgrid using 1:2:3 with image, \
     data index 4 using 2:3 with points pt 7 ps 0.9 lc rgb '#9467bd', \
     data index 4 using 2:3 with points pt 6 ps 0.9 lc rgb '#000000'
unset multiplot
