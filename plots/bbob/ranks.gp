# Critical-difference diagram of the average ranks (Demšar 2006).
# Written by `parzen plot` from results/bbob. Standalone: reads only files beside it and writes
# ranks.png beside it; run `gnuplot plots/NAME/ranks.gp` from anywhere or `gnuplot ranks.gp` in its folder.
script_dir = strlen(ARG0) > strlen('ranks.gp') ? ARG0[1:strlen(ARG0) - strlen('ranks.gp')] : ''
if (strlen(script_dir) > 0) { cd script_dir }
set terminal pngcairo size 900,631 enhanced font "DejaVu Sans,11"
set output 'ranks.png'
set encoding utf8

set title "Average ranks over 72 problems at 1000 evaluations (1 = best)\nFriedman p = 1.11e-68 (differences exist); Nemenyi CD (alpha = 0.05) = 1.24; bars join suggesters within CD" noenhanced
unset border
unset xtics
unset ytics
unset key
set lmargin 21
set rmargin 21
set xrange [1:8.0]
set yrange [-2.5599999999999996:1.45]
# the rank axis
set arrow from 1,0 to 8,0 nohead lw 1.5 lc rgb '#000000'
set arrow from 1,0 to 1,0.16 nohead lw 1.5 lc rgb '#000000'
set label '1' at 1,0.34 center
set arrow from 1.5,0 to 1.5,0.08 nohead lw 1 lc rgb '#000000'
set arrow from 2,0 to 2,0.16 nohead lw 1.5 lc rgb '#000000'
set label '2' at 2,0.34 center
set arrow from 2.5,0 to 2.5,0.08 nohead lw 1 lc rgb '#000000'
set arrow from 3,0 to 3,0.16 nohead lw 1.5 lc rgb '#000000'
set label '3' at 3,0.34 center
set arrow from 3.5,0 to 3.5,0.08 nohead lw 1 lc rgb '#000000'
set arrow from 4,0 to 4,0.16 nohead lw 1.5 lc rgb '#000000'
set label '4' at 4,0.34 center
set arrow from 4.5,0 to 4.5,0.08 nohead lw 1 lc rgb '#000000'
set arrow from 5,0 to 5,0.16 nohead lw 1.5 lc rgb '#000000'
set label '5' at 5,0.34 center
set arrow from 5.5,0 to 5.5,0.08 nohead lw 1 lc rgb '#000000'
set arrow from 6,0 to 6,0.16 nohead lw 1.5 lc rgb '#000000'
set label '6' at 6,0.34 center
set arrow from 6.5,0 to 6.5,0.08 nohead lw 1 lc rgb '#000000'
set arrow from 7,0 to 7,0.16 nohead lw 1.5 lc rgb '#000000'
set label '7' at 7,0.34 center
set arrow from 7.5,0 to 7.5,0.08 nohead lw 1 lc rgb '#000000'
set arrow from 8,0 to 8,0.16 nohead lw 1.5 lc rgb '#000000'
set label '8' at 8,0.34 center
# the critical difference
set arrow from 1,0.95 to 2.2374005683959686,0.95 heads size screen 0.006,90 lw 2 lc rgb '#000000'
set label 'CD = 1.24' at 1.6187002841979843,1.17 center
# groups not significantly different
set arrow from 1.5988888888888888,-0.22 to 2.8316666666666666,-0.22 nohead lw 5 lc rgb '#000000'
set arrow from 2.6266666666666665,-0.38 to 3.803888888888889,-0.38 nohead lw 5 lc rgb '#000000'
set arrow from 5.8975,-0.54 to 6.665,-0.54 nohead lw 5 lc rgb '#000000'
# suggesters: a hook from the rank down to the name
set arrow from 1.6388888888888888,0 to 1.6388888888888888,-1.0 nohead lw 1.5 lc rgb '#e377c2'
set arrow from 1.6388888888888888,-1.0 to 1.0,-1.0 nohead lw 1.5 lc rgb '#e377c2'
set label 'cmaes (1.64)' at 1.0,-1.0 right offset -0.6,0 noenhanced textcolor rgb '#e377c2'
set arrow from 2.6666666666666665,0 to 2.6666666666666665,-1.42 nohead lw 1.5 lc rgb '#d62728'
set arrow from 2.6666666666666665,-1.42 to 1.0,-1.42 nohead lw 1.5 lc rgb '#d62728'
set label 'anneal (2.67)' at 1.0,-1.42 right offset -0.6,0 noenhanced textcolor rgb '#d62728'
set arrow from 2.7916666666666665,0 to 2.7916666666666665,-1.8399999999999999 nohead lw 1.5 lc rgb '#7f7f7f'
set arrow from 2.7916666666666665,-1.8399999999999999 to 1.0,-1.8399999999999999 nohead lw 1.5 lc rgb '#7f7f7f'
set label 'tpe-optuna (2.79)' at 1.0,-1.8399999999999999 right offset -0.6,0 noenhanced textcolor rgb '#7f7f7f'
set arrow from 3.763888888888889,0 to 3.763888888888889,-2.26 nohead lw 1.5 lc rgb '#2ca02c'
set arrow from 3.763888888888889,-2.26 to 1.0,-2.26 nohead lw 1.5 lc rgb '#2ca02c'
set label 'tpe (3.76)' at 1.0,-2.26 right offset -0.6,0 noenhanced textcolor rgb '#2ca02c'
set arrow from 5.9375,0 to 5.9375,-2.26 nohead lw 1.5 lc rgb '#9467bd'
set arrow from 5.9375,-2.26 to 8.0,-2.26 nohead lw 1.5 lc rgb '#9467bd'
set label 'sobol (5.94)' at 8.0,-2.26 left offset 0.6,0 noenhanced textcolor rgb '#9467bd'
set arrow from 6.173611111111111,0 to 6.173611111111111,-1.8399999999999999 nohead lw 1.5 lc rgb '#8c564b'
set arrow from 6.173611111111111,-1.8399999999999999 to 8.0,-1.8399999999999999 nohead lw 1.5 lc rgb '#8c564b'
set label 'halton (6.17)' at 8.0,-1.8399999999999999 left offset 0.6,0 noenhanced textcolor rgb '#8c564b'
set arrow from 6.402777777777778,0 to 6.402777777777778,-1.42 nohead lw 1.5 lc rgb '#ff7f0e'
set arrow from 6.402777777777778,-1.42 to 8.0,-1.42 nohead lw 1.5 lc rgb '#ff7f0e'
set label 'random (6.40)' at 8.0,-1.42 left offset 0.6,0 noenhanced textcolor rgb '#ff7f0e'
set arrow from 6.625,0 to 6.625,-1.0 nohead lw 1.5 lc rgb '#1f77b4'
set arrow from 6.625,-1.0 to 8.0,-1.0 nohead lw 1.5 lc rgb '#1f77b4'
set label 'grid (6.62)' at 8.0,-1.0 left offset 0.6,0 noenhanced textcolor rgb '#1f77b4'
plot 'ranks.dat' using 1:(0):2 with points pt 7 ps 1.8 lc rgb variable notitle
